import { PiriodProtocolError, PiriodResponseTooLargeError } from "./errors.js";
import { describeCall, shorten } from "./message-text.js";
import { ASKED_ENCODINGS, bodyDecoder, decodeWhole, encodingProblem, unaskedEncoding } from "./response-body.js";
import { whenAborted } from "./send.js";
import type { ReceivedResponse, Transport } from "./transport.js";

/** A `fetch` as callers inject it: it receives a standard `Request`. */
export type FetchFunction = (request: Request) => Promise<Response>;

/**
 * The transport over `fetch`: a caller's (tests, mocks, instrumented clients), which gets a standard `Request` per attempt, or else the
 * global one, looked up on every call so that a mock installed after the client was made still applies. Redirects are not followed
 * (`fetch` would re-send a PATCH as a GET, or the key and the body to another origin), and the body is read no further than
 * `maxResponseBytes`.
 */
export function fetchTransport(fetch?: FetchFunction): Transport {
  return (request, signal) => {
    // The global fetch is asked for what the Node transport asks for: a browser keeps this header for itself, and asks for its own.
    const asks = !fetch && keepsAcceptEncoding();
    const init: RequestInit = {
      method: request.method,
      headers: asks ? { ...request.headers, "accept-encoding": ASKED_ENCODINGS } : request.headers,
      body: request.body as RequestInit["body"],
      signal,
      redirect: "manual",
    };
    const call = () => describeCall(request.method, request.url);
    const received = (async (): Promise<ReceivedResponse> => {
      let response: Response;
      try {
        response = await (fetch ? fetch(new Request(request.url, init)) : globalThis.fetch(request.url, init));
      } catch (error) {
        const problem = protocolProblem(error);
        if (problem === undefined) throw error;
        throw new PiriodProtocolError(`${call()} failed: ${problem}`, { cause: error });
      }
      const unasked = asks ? unaskedEncoding(response.headers.get("content-encoding")) : undefined;
      if (unasked !== undefined) {
        response.body?.cancel().catch(() => {});
        throw new PiriodProtocolError(`${call()} failed: ${encodingProblem(unasked)}`);
      }
      const tooLarge = () =>
        new PiriodResponseTooLargeError(
          `${call()} failed: the response's body is larger than maxResponseBytes (${request.maxResponseBytes} bytes)`,
        );
      if (Number(response.headers.get("content-length") ?? 0) > request.maxResponseBytes) {
        response.body?.cancel().catch(() => {});
        throw tooLarge();
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      const decoder = bodyDecoder(response.headers.get("content-type"));
      const reader = response.body?.getReader();
      if (reader) {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          size += chunk.value.byteLength;
          if (size > request.maxResponseBytes) {
            reader.cancel().catch(() => {});
            throw tooLarge();
          }
          chunks.push(chunk.value);
        }
      }
      // A browser answers a redirect that is not followed with an opaque response: status 0, no headers.
      const status = response.type === "opaqueredirect" ? 0 : response.status;
      return {
        status,
        statusText: response.statusText,
        headers: response.headers,
        body: "decode" in decoder ? decodeWhole(chunks, size, decoder) : "",
        url: response.url || request.url,
        ...("decode" in decoder ? {} : { undecodable: decoder.undecodable }),
      };
    })();
    return untilAborted(received, signal);
  };
}

/** `work`, or the abort of `signal` if that comes first: a caller's `fetch` may ignore the signal. The abandoned promise keeps a handler. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  work.catch(() => {});
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const stopListening = whenAborted(signal, () => reject(signal.reason));
    work.then(resolve, reject).finally(stopListening);
  });
}

/**
 * What undici's error says of an answer that is no HTTP response to the request, or `undefined` for another failure (which may be
 * retried): a status line it cannot parse, an unasked-for protocol switch or 100 Continue, headers past its 16 kB.
 */
function protocolProblem(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = String(cause?.code);
  const message = String(cause?.message);
  if (code === "UND_ERR_HEADERS_OVERFLOW") return "the response's headers are larger than 16 kB";
  if (message === "bad response")
    return "the answer is not an HTTP response (an informational response nobody asked for)";
  if (code.startsWith("HPE_") || message === "bad upgrade")
    return `the answer is not an HTTP response (${shorten(message)})`;
  return undefined;
}

let keeps: boolean | undefined;

/**
 * Whether this platform's fetch sends an `accept-encoding` it is given: Node's, Deno's, Bun's and workerd's do; a browser drops it (a
 * forbidden header), asks for what it decodes, and decodes it.
 */
function keepsAcceptEncoding(): boolean {
  keeps ??= new Request("https://api.piriod.com/", { headers: { "accept-encoding": ASKED_ENCODINGS } }).headers.has(
    "accept-encoding",
  );
  return keeps;
}

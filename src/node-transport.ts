import type * as http from "node:http";
import type { Transform } from "node:stream";
import type * as zlib from "node:zlib";
import { PiriodProtocolError, PiriodResponseTooLargeError } from "./errors.js";
import { describeCall, shorten } from "./message-text.js";
import { headersFromRaw } from "./raw-headers.js";
import { ASKED_ENCODINGS, bodyDecoder, encodingProblem, unaskedEncoding } from "./response-body.js";
import type { ReceivedResponse, Transport } from "./transport.js";

/** An `http.Agent` or `https.Agent`, as the Node entry's `agent` option takes it: declared by its shape, so the package's types need no `@types/node`. */
export interface NodeAgent {
  maxSockets: number;
  destroy(): void;
}

const agents = new Map<string, http.Agent>();
/** The informational (1xx) responses taken before the final one: a few (100 Continue, 103 Early Hints) are HTTP's, more are not. */
const MAX_INFORMATIONAL = 5;

/**
 * `node:http`, `node:https` or `node:zlib`, loaded by the first request that needs it (http and https cost an import some 10 ms), and
 * read from Node's own module object on each request, so that whatever patches `http.request` (a test's interceptor) sees the requests.
 */
const builtin = <T>(name: string) => process.getBuiltinModule(name) as T;
const httpModule = (protocol: string) => builtin<typeof http>(protocol === "https:" ? "node:https" : "node:http");

/** The decoders of the encodings the client asks for (ASKED_ENCODINGS). */
const DECODERS: Record<string, (zlib: typeof import("node:zlib")) => Transform> = {
  gzip: (zlib) => zlib.createGunzip(),
  "x-gzip": (zlib) => zlib.createGunzip(),
  br: (zlib) => zlib.createBrotliDecompress(),
};

/**
 * The transport over `node:http`/`node:https`: keep-alive, gzip and br decoded, no redirect followed, the body read whole but no
 * further than `maxResponseBytes` (decoded); `agent` serves the base URL's protocol.
 */
export function nodeTransport(baseProtocol: string, agent?: NodeAgent): Transport {
  return (request, signal) =>
    new Promise<ReceivedResponse>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const url = new URL(request.url);
      const call = () => describeCall(request.method, request.url);
      const headers: Record<string, string> = { ...request.headers, "accept-encoding": ASKED_ENCODINGS };
      // A known length, not chunked encoding: some servers refuse chunked request bodies.
      if (request.body !== undefined)
        headers["content-length"] = String(
          typeof request.body === "string" ? Buffer.byteLength(request.body) : request.body.byteLength,
        );
      const chosen = agent && url.protocol === baseProtocol ? (agent as http.Agent) : sharedAgent(url.protocol);
      // URL keeps IPv6 hosts in brackets; http.request wants them bare.
      const options = {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
        port: url.port,
        path: url.pathname + url.search,
        method: request.method,
        headers,
        agent: chosen,
      };
      let settled = false;
      /** True the first time only: the attempt ends once, whether by the response, a failure or an abort. */
      const settle = () => {
        if (settled) return false;
        signal.removeEventListener("abort", onAbort);
        settled = true;
        return true;
      };
      const fail = (error: unknown) => {
        if (!settle()) return;
        outgoing.destroy();
        reject(error);
      };
      const onAbort = () => fail(signal.reason);
      let response: http.IncomingMessage | undefined;
      const outgoing = httpModule(url.protocol).request(options, (incoming) => {
        response = incoming;
        const limit = request.maxResponseBytes;
        const tooLarge = () =>
          new PiriodResponseTooLargeError(
            `${call()} failed: the response's body is larger than maxResponseBytes (${limit} bytes)`,
          );
        if (Number(incoming.headers["content-length"] ?? 0) > limit) return fail(tooLarge());
        const unasked = unaskedEncoding(incoming.headers["content-encoding"]);
        if (unasked !== undefined)
          return fail(new PiriodProtocolError(`${call()} failed: ${encodingProblem(unasked)}`));
        const encoding = (incoming.headers["content-encoding"] ?? "identity").trim().toLowerCase();
        const decoder = DECODERS[encoding];
        const body = decoder ? incoming.pipe(decoder(builtin<typeof zlib>("node:zlib"))) : incoming;
        const chunks: Buffer[] = [];
        let size = 0;
        body.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) fail(tooLarge());
          else chunks.push(chunk);
        });
        body.on("end", () => {
          if (!settle()) return;
          const decoder = bodyDecoder(incoming.headers["content-type"]);
          resolve({
            // A response to a client request always has its status code.
            status: incoming.statusCode ?? 0,
            statusText: incoming.statusMessage ?? "",
            headers: headersFromRaw(incoming.rawHeaders),
            body: "decode" in decoder ? decodeChunks(chunks, decoder) : "",
            url: request.url,
            ...("decode" in decoder ? {} : { undecodable: decoder.undecodable }),
          });
        });
        body.on("error", (error: Error) =>
          fail(
            body === incoming
              ? error
              : new PiriodProtocolError(
                  `${call()} failed: the response cannot be decoded as ${shorten(encoding)}: ${shorten(error.message)}`,
                ),
          ),
        );
        incoming.on(
          "close",
          () => incoming.complete || fail(new Error("the connection closed before the whole response arrived")),
        );
      });
      // A server that switches protocols, or answers what HTTP cannot parse, gives no response to wait for: waiting would end in a timeout.
      outgoing.on("upgrade", (_response, socket) => {
        socket.destroy();
        fail(
          new PiriodProtocolError(
            `${call()} failed: the server switched protocols (101), which the client did not ask for`,
          ),
        );
      });
      outgoing.on("error", (error: Error & { code?: string }) => {
        // Bytes after a complete response are the server's mistake, not the answer's: the socket is dropped, the answer stands.
        if (response?.complete) return;
        const problem =
          error.code === "HPE_HEADER_OVERFLOW"
            ? "the response's headers are larger than 16 kB"
            : `the answer is not an HTTP response (${shorten(error.message)})`;
        fail(
          error.code?.startsWith("HPE_")
            ? new PiriodProtocolError(`${call()} failed: ${problem}`, { cause: error })
            : error,
        );
      });
      // Informational answers (100, 102, 103) go before the final one; a server that sends nothing else would hold the attempt open.
      let informational = 0;
      outgoing.on("information", () => {
        if (++informational > MAX_INFORMATIONAL)
          fail(
            new PiriodProtocolError(
              `${call()} failed: the answer is not an HTTP response (more than ${MAX_INFORMATIONAL} informational responses)`,
            ),
          );
      });
      outgoing.on("close", () => response || fail(new Error("the connection closed without a response")));
      signal.addEventListener("abort", onAbort);
      outgoing.end(request.body);
    });
}

/** A body's chunks as text: UTF-8 by Node's own decoder (the fast path of every Piriod answer), a byte-order mark left out as TextDecoder leaves it. */
function decodeChunks(chunks: Buffer[], decoder: TextDecoder): string {
  const bytes = Buffer.concat(chunks);
  if (decoder.encoding !== "utf-8") return decoder.decode(bytes);
  const text = bytes.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** One keep-alive agent per protocol for every client of the process, as the global fetch shares its pool. Node unrefs an idle socket, so a process exits once its last call is done. */
function sharedAgent(protocol: string): http.Agent {
  // Idle sockets close after 4 s: servers commonly drop idle connections after 5 s, and sending on one being closed fails.
  let agent = agents.get(protocol);
  if (agent === undefined) {
    agent = new (httpModule(protocol).Agent)({ keepAlive: true, timeout: 4_000 });
    agents.set(protocol, agent);
  }
  return agent;
}

import type { AttemptAbort } from "./attempt-signal.js";
import type { ReplayableBody } from "./retrying-fetch.js";

/** One attempt's request, as the retrying fetch hands it to a transport. */
export interface OutgoingRequest {
  url: string;
  method: string;
  headers: Headers;
  body: ReplayableBody;
}

/**
 * Sends one attempt and resolves once the whole response has arrived, or rejects when the
 * connection fails or the attempt is aborted (at any point, body included).
 */
export type Transport = (request: OutgoingRequest, attempt: AttemptAbort) => Promise<Response>;

/** A `fetch` as callers inject it: it receives a standard `Request`. */
export type FetchFunction = (request: Request) => Promise<Response>;

/** Makes the response a transport resolves to, from a body already read whole (`null`: none). */
export type RespondWith = (status: number, statusText: string, headers: Headers, bytes: Uint8Array | null, url: string) => Response;

/**
 * A standard `Response` holding bytes already read. A constructed `Response` has an empty `url`;
 * this one keeps the URL it came from, as a fetched one does.
 */
export const standardResponse: RespondWith = (status, statusText, headers, bytes, url) =>
  Object.defineProperty(new Response(bytes as BodyInit | null, { status, statusText, headers }), "url", { value: url });

/** The global `fetch`, looked up on every call so that a mock installed after the client is created still applies. */
export function globalFetchTransport(respond: RespondWith): Transport {
  return (request, attempt) => bufferWithin(attempt, request.url, respond, () => globalThis.fetch(request.url, requestInit(request, attempt.signal)));
}

/** A caller's `fetch` (tests, mocks, instrumented clients): it gets a standard `Request` per attempt. */
export function customFetchTransport(fetch: FetchFunction, respond: RespondWith): Transport {
  return (request, attempt) => bufferWithin(attempt, request.url, respond, () => fetch(new Request(request.url, requestInit(request, attempt.signal))));
}

function requestInit({ method, headers, body }: OutgoingRequest, signal: AbortSignal): RequestInit {
  return { method, headers, body: body as BodyInit | undefined, signal };
}

/**
 * Runs `send` and reads the whole body, both bounded by the attempt. The race matters for a
 * caller's `fetch` that ignores the signal: the attempt still ends on time, and the abandoned
 * promise gets a handler so its late failure is not an unhandled rejection.
 */
function bufferWithin(attempt: AttemptAbort, url: string, respond: RespondWith, send: () => Promise<Response>): Promise<Response> {
  const work = send().then(async (response) => {
    // A response without a body (204, 304, …) must stay without one: a standard Response refuses a body there.
    const bytes = response.body === null ? null : new Uint8Array(await response.arrayBuffer());
    return respond(response.status, response.statusText, response.headers, bytes, response.url || url);
  });
  work.catch(() => {});
  return new Promise((resolve, reject) => {
    const stopListening = attempt.onAbort(reject);
    work.then(
      (response) => {
        stopListening();
        resolve(response);
      },
      (error: unknown) => {
        stopListening();
        reject(error);
      },
    );
  });
}

import type { AttemptAbort } from "./attempt-signal.js";
import { BufferedResponse } from "./buffered-response.js";
import type { ReplayableBody } from "./light-request.js";

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
export type Transport = (request: OutgoingRequest, attempt: AttemptAbort) => Promise<BufferedResponse>;

/** A `fetch` as callers inject it: it receives a standard `Request`. */
export type FetchFunction = (request: Request) => Promise<Response>;

/** The global `fetch`, looked up on every call so that a mock installed after the client is created still applies. */
export function globalFetchTransport(): Transport {
  return (request, attempt) => bufferWithin(attempt, request.url, () => globalThis.fetch(request.url, requestInit(request, attempt.signal)));
}

/** A caller's `fetch` (tests, mocks, instrumented clients): it gets a standard `Request` per attempt. */
export function customFetchTransport(fetch: FetchFunction): Transport {
  return (request, attempt) => bufferWithin(attempt, request.url, () => fetch(new Request(request.url, requestInit(request, attempt.signal))));
}

function requestInit({ method, headers, body }: OutgoingRequest, signal: AbortSignal): RequestInit {
  return { method, headers, body: body as BodyInit | undefined, signal };
}

/**
 * Runs `send` and reads the whole body, both bounded by the attempt. The race matters for a
 * caller's `fetch` that ignores the signal: the attempt still ends on time, and the abandoned
 * promise gets a handler so its late failure is not an unhandled rejection.
 */
async function bufferWithin(attempt: AttemptAbort, url: string, send: () => Promise<Response>): Promise<BufferedResponse> {
  const response = await untilAborted(send(), attempt);
  const bytes = await untilAborted(response.arrayBuffer(), attempt);
  return new BufferedResponse(response.status, response.statusText, response.headers, new Uint8Array(bytes), response.url || url);
}

function untilAborted<T>(work: Promise<T>, attempt: AttemptAbort): Promise<T> {
  work.catch(() => {});
  return new Promise<T>((resolve, reject) => {
    const stopListening = attempt.onAbort(reject);
    work.then(resolve, reject).finally(stopListening);
  });
}

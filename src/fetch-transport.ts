import type { ReceivedResponse, Transport } from "./send.js";

/** A `fetch` as callers inject it: it receives a standard `Request`. */
export type FetchFunction = (request: Request) => Promise<Response>;

/**
 * The transport over `fetch`: a caller's (tests, mocks, instrumented clients), which gets a standard `Request` per attempt, or else the
 * global one, looked up on every call so that a mock installed after the client was made still applies.
 */
export function fetchTransport(fetch?: FetchFunction): Transport {
  return (request, signal) => {
    const init: RequestInit = { method: request.method, headers: request.headers, body: request.body as RequestInit["body"], signal };
    const received = (async (): Promise<ReceivedResponse> => {
      const response = await (fetch ? fetch(new Request(request.url, init)) : globalThis.fetch(request.url, init));
      const body = await response.text();
      return { status: response.status, statusText: response.statusText, headers: response.headers, body, url: response.url || request.url };
    })();
    return untilAborted(received, signal);
  };
}

/** `work`, or the abort of `signal` if that comes first: a caller's `fetch` may ignore the signal. The abandoned promise keeps a handler. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  work.catch(() => {});
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

import { describeCall, PiriodAbortError, PiriodConnectionError, PiriodError, PiriodTimeoutError, PiriodValidationError, type Redactor } from "./errors.js";

/** One attempt's request, as a transport sends it; header names in lower case. A response body past `maxResponseBytes` is refused. */
export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  maxResponseBytes: number;
}

/** A response whose body has fully arrived (as text, `""` when none): read whole within the attempt, whose timeout covers it. */
export interface ReceivedResponse {
  status: number;
  statusText: string;
  headers: Headers;
  body: string;
  url: string;
}

/** Sends one attempt; resolves once the whole response has arrived, rejects when the connection fails or `signal` aborts, body included. */
export type Transport = (request: OutgoingRequest, signal: AbortSignal) => Promise<ReceivedResponse>;

/** Waits `ms`, or rejects with `signal.reason` the moment `signal` aborts. */
export type Sleep = (ms: number, signal: AbortSignal | undefined) => Promise<void>;

/** How one call is sent: the attempts after the first, the limit of each (from sending to the last byte), and the caller's signal. */
export interface SendPolicy {
  maxRetries: number;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** Headers that frame a request on its connection: the transport's alone to set. One given by a caller would desynchronise a shared keep-alive connection. */
export const FRAMING_HEADERS = ["content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "host", "te", "trailer", "expect"];

/** Statuses worth another attempt: the request may well succeed a moment later. */
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** A server asking for a longer wait than this is not waited for: the error goes to the caller. */
const MAX_RETRY_AFTER_MS = 60_000;

type Failure = { kind: "aborted" | "timeout" | "connection"; cause: unknown };

/**
 * Sends `request`, retrying connection failures, timeouts and 408/429/500/502/503/504 up to `maxRetries` times with backoff, or the wait
 * the server asks for up to 60 s. Resolves to the last response, whatever its status; rejects with a typed error when none came or on abort.
 */
export async function send(transport: Transport, request: OutgoingRequest, policy: SendPolicy, sleep: Sleep, redact: Redactor): Promise<ReceivedResponse> {
  // The client's options refuse these; a raw call's headers or its middleware may still add one.
  const owned = Object.keys(request.headers).find((name) => FRAMING_HEADERS.includes(name) || name === "accept-encoding");
  if (owned) {
    const message = `the "${owned}" header is the transport's to set: remove it from the call's headers or its middleware`;
    throw new PiriodValidationError(`${describeCall(request.method, request.url)}: ${message}, nothing was sent`, [{ path: "", keyword: "header", message }]);
  }
  for (let attempt = 1; ; attempt++) {
    const outcome = await sendAttempt(transport, request, policy);
    const retriesLeft = attempt <= policy.maxRetries;
    let delay: number;
    if ("kind" in outcome) {
      if (outcome.kind === "aborted") throw new PiriodAbortError(`${describeCall(request.method, request.url)} was aborted`, { cause: outcome.cause });
      if (!retriesLeft) throw failureError(request, outcome, attempt, policy, redact);
      delay = backoffMs(attempt - 1);
    } else {
      if (!retriesLeft || !RETRYABLE_STATUSES.has(outcome.status)) return outcome;
      const requested = requestedDelayMs(outcome.headers);
      if ((requested ?? 0) > MAX_RETRY_AFTER_MS) return outcome;
      delay = requested ?? backoffMs(attempt - 1);
    }
    await sleep(delay, policy.signal).catch((reason: unknown) => {
      throw new PiriodAbortError(`${describeCall(request.method, request.url)} was aborted`, { cause: reason });
    });
  }
}

/** One attempt under its own abort, fired by the caller's signal or the attempt's timeout (openapi-fetch's signal would span every retry: openapi-typescript#2567). */
async function sendAttempt(transport: Transport, request: OutgoingRequest, { signal: caller, timeoutMs }: SendPolicy): Promise<ReceivedResponse | Failure> {
  if (caller?.aborted) return { kind: "aborted", cause: caller.reason };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`no complete response within ${timeoutMs} ms`));
  }, timeoutMs);
  const stopListening = caller ? whenAborted(caller, () => controller.abort(caller.reason)) : undefined;
  try {
    return await transport(request, controller.signal);
  } catch (cause) {
    if (caller?.aborted) return { kind: "aborted", cause: caller.reason };
    // The client's own refusals (a body that cannot be sent, …) are not network trouble: no retry.
    if (cause instanceof PiriodError) throw cause;
    return { kind: timedOut ? "timeout" : "connection", cause };
  } finally {
    clearTimeout(timer);
    stopListening?.();
  }
}

const fanOuts = new WeakMap<AbortSignal, { listeners: Set<() => void>; fire: () => void }>();

/**
 * Calls `listener` when `signal` aborts; the result stops listening. However many calls share one
 * long-lived signal, it gets one listener (Node warns past ten), removed when the last call is done.
 */
export function whenAborted(signal: AbortSignal, listener: () => void): () => void {
  let fanOut = fanOuts.get(signal);
  if (!fanOut) {
    const listeners = new Set<() => void>();
    fanOut = { listeners, fire: () => listeners.forEach((each) => each()) };
    fanOuts.set(signal, fanOut);
    signal.addEventListener("abort", fanOut.fire, { once: true });
  }
  const own = fanOut;
  own.listeners.add(listener);
  return () => {
    own.listeners.delete(listener);
    if (own.listeners.size > 0 || fanOuts.get(signal) !== own) return;
    signal.removeEventListener("abort", own.fire);
    fanOuts.delete(signal);
  };
}

/** Backoff before the `retry`-th retry (from 0): 0.5 s doubling to 8 s, less up to a quarter at random, so clients that failed together do not come back together. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  return Math.min(500 * 2 ** retry, 8_000) * (1 - random() * 0.25);
}

/** The wait a response asks for: `retry-after-ms`, else `Retry-After` in seconds or as an HTTP date; `undefined` when none is readable. */
export function requestedDelayMs(headers: Headers, now: number = Date.now()): number | undefined {
  const number = (value: string | null) => (value !== null && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined);
  const milliseconds = number(headers.get("retry-after-ms"));
  const retryAfter = headers.get("retry-after");
  if (milliseconds !== undefined || retryAfter === null) return milliseconds;
  const seconds = number(retryAfter);
  if (seconds !== undefined) return seconds * 1_000;
  // HTTP dates start with the day's name; Date.parse alone would take "-1" for a year.
  const date = /^\s*[A-Za-z]{3}/.test(retryAfter) ? Date.parse(retryAfter) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export const abortableSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const stopListening = signal ? whenAborted(signal, () => (clearTimeout(timer), reject(signal.reason))) : undefined;
    const timer = setTimeout(() => (stopListening?.(), resolve()), ms);
  });

function failureError(request: OutgoingRequest, failure: Failure, attempts: number, policy: SendPolicy, redact: Redactor): PiriodError {
  const call = describeCall(request.method, request.url);
  const tries = attempts === 1 ? "1 attempt" : `${attempts} attempts`;
  if (failure.kind === "timeout") return new PiriodTimeoutError(`${call} timed out: no complete response within ${policy.timeoutMs} ms (${tries})`);
  // The most specific message of the chain: `fetch failed` → `connect ECONNREFUSED 127.0.0.1:1`.
  let cause = failure.cause;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  const reason = redact.text(cause instanceof Error ? cause.message : String(cause));
  return new PiriodConnectionError(`${call} failed: no response from ${new URL(request.url).origin} (${tries}): ${reason}`, { cause: failure.cause });
}

/** Statuses whose responses have no body: a standard `Response` refuses one. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** A received response as a standard `Response` (for `raw` and `.withResponse()`), keeping the URL it came from, as a fetched one does. */
export function toResponse({ status, statusText, headers, body, url }: ReceivedResponse): Response {
  return Object.defineProperty(new Response(NULL_BODY_STATUSES.has(status) ? null : body, { status, statusText, headers }), "url", { value: url });
}

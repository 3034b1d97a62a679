import {
  describeCall,
  PiriodAbortError,
  PiriodConnectionError,
  PiriodError,
  PiriodTimeoutError,
  PiriodValidationError,
  type Redactor,
} from "./errors.js";
import type { ReceivedResponse } from "./received-response.js";

/** One attempt's request, as a transport sends it; header names in lower case. A response body past `maxResponseBytes` is refused. */
export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  maxResponseBytes: number;
}

export type { ReceivedResponse } from "./received-response.js";

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
export const FRAMING_HEADERS = [
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "host",
  "te",
  "trailer",
  "expect",
];

/** Statuses worth another attempt: the request may well succeed a moment later. */
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** A server asking for a longer wait than this is not waited for: the error goes to the caller. */
const MAX_RETRY_AFTER_MS = 60_000;

type Failure = { kind: "aborted" | "timeout" | "connection"; cause: unknown };

/** What sending needs besides the request: the transport, how retries wait, the key's redaction, and where each attempt is told. */
export interface SendContext {
  transport: Transport;
  sleep: Sleep;
  redact: Redactor;
  log: Log;
}

/** Reports one event at a level, to the caller's logger when it asked for that level; the message is made only then. */
export type Log = (level: "debug" | "info" | "warn" | "error", message: () => string) => void;

/** Errors of Node's own transport that say the request never left: the connection was refused, or the host has no address. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * Sends `request`, retrying connection failures, timeouts and 408/429/500/502/503/504 up to `maxRetries` times with backoff, or the wait
 * the server asks for up to 60 s. A POST creates, and Piriod has no idempotency key: it is retried only when it cannot have been
 * processed (a 429, a 503 with `Retry-After`, or in Node a refused connection or an unknown host; `fetch` cannot tell a refused
 * connection from a reset after sending). Resolves to the last response, whatever its status; rejects with a typed error when none
 * came or on abort.
 */
export async function send(
  context: SendContext,
  request: OutgoingRequest,
  policy: SendPolicy,
): Promise<ReceivedResponse> {
  const call = () => describeCall(request.method, request.url);
  // The client's options refuse these; a raw call's headers or its middleware may still add one.
  const owned = Object.keys(request.headers).find(
    (name) => FRAMING_HEADERS.includes(name) || name === "accept-encoding",
  );
  if (owned) {
    const message = `the "${owned}" header is the transport's to set: remove it from the call's headers or its middleware`;
    throw new PiriodValidationError(`${call()}: ${message}, nothing was sent`, [
      { path: "", keyword: "header", message },
    ]);
  }
  const creates = request.method === "POST";
  for (let attempt = 1; ; attempt++) {
    context.log("debug", () => `${call()}: attempt ${attempt} of ${policy.maxRetries + 1}`);
    const outcome = await sendAttempt(context.transport, request, policy);
    const retriesLeft = attempt <= policy.maxRetries;
    let delay: number;
    let reason: string;
    if ("kind" in outcome) {
      if (outcome.kind === "aborted") throw new PiriodAbortError(`${call()} was aborted`, { cause: outcome.cause });
      const failure = failureError(call(), request, outcome, attempt, policy, context.redact);
      const unsent = outcome.kind === "connection" && NOT_SENT.has((outcome.cause as { code?: string })?.code ?? "");
      if (!retriesLeft || (creates && !unsent)) throw failure;
      delay = backoffMs(attempt - 1);
      reason = failure.message;
    } else {
      const requested = requestedDelayMs(outcome.headers);
      const retryable = creates
        ? outcome.status === 429 || (outcome.status === 503 && requested !== undefined)
        : RETRYABLE_STATUSES.has(outcome.status);
      if (!retriesLeft || !retryable || (requested ?? 0) > MAX_RETRY_AFTER_MS) return outcome;
      delay = requested ?? backoffMs(attempt - 1);
      reason = `${call()} answered ${outcome.status}`;
    }
    context.log(
      "info",
      () => `${reason}; retrying in ${Math.round(delay)} ms (attempt ${attempt + 1} of ${policy.maxRetries + 1})`,
    );
    await context.sleep(delay, policy.signal).catch((cause: unknown) => {
      throw new PiriodAbortError(`${call()} was aborted`, { cause });
    });
  }
}

/** One attempt under its own abort, fired by the caller's signal or the attempt's timeout (openapi-fetch's signal would span every retry: openapi-typescript#2567). */
async function sendAttempt(
  transport: Transport,
  request: OutgoingRequest,
  { signal: caller, timeoutMs }: SendPolicy,
): Promise<ReceivedResponse | Failure> {
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
    const fire = () => {
      for (const each of listeners) each();
    };
    fanOut = { listeners, fire };
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
  const number = (value: string | null) =>
    value !== null && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined;
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
    const stopListening = signal
      ? whenAborted(signal, () => {
          clearTimeout(timer);
          reject(signal.reason);
        })
      : undefined;
    const timer = setTimeout(() => {
      stopListening?.();
      resolve();
    }, ms);
  });

function failureError(
  call: string,
  request: OutgoingRequest,
  failure: Failure,
  attempts: number,
  policy: SendPolicy,
  redact: Redactor,
): PiriodError {
  const tries = attempts === 1 ? "1 attempt" : `${attempts} attempts`;
  if (failure.kind === "timeout")
    return new PiriodTimeoutError(`${call} timed out: no complete response within ${policy.timeoutMs} ms (${tries})`);
  // The most specific message of the chain: `fetch failed` → `connect ECONNREFUSED 127.0.0.1:1`.
  let cause = failure.cause;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  const reason = redact.text(cause instanceof Error ? cause.message : String(cause));
  return new PiriodConnectionError(
    `${call} failed: no response from ${new URL(request.url).origin} (${tries}): ${reason}`,
    { cause: failure.cause },
  );
}

/** Statuses whose responses have no body: a standard `Response` refuses one. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** A received response as a standard `Response` (for `raw` and `.withResponse()`), keeping the URL it came from, as a fetched one does. */
export function toResponse({ status, statusText, headers, body, url }: ReceivedResponse): Response {
  return Object.defineProperty(
    new Response(NULL_BODY_STATUSES.has(status) ? null : body, { status, statusText, headers }),
    "url",
    { value: url },
  );
}

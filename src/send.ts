import {
  PiriodAbortError,
  PiriodConnectionError,
  PiriodError,
  PiriodTimeoutError,
  PiriodValidationError,
} from "./errors.js";
import { type Log, type LogFields, withoutUndefined } from "./log.js";
import { describeCall, logPath, shorten } from "./message-text.js";
import { requestHeaderProblem } from "./owned-headers.js";
import type { Redactor } from "./redaction.js";
import { type Failure, requestedDelayMs, retryDelayMs, shouldRetry } from "./retry-policy.js";
import type { OutgoingRequest, ReceivedResponse, Transport } from "./transport.js";

/** Waits `ms`, or rejects with `signal.reason` the moment `signal` aborts. */
export type Sleep = (ms: number, signal: AbortSignal | undefined) => Promise<void>;

/** How one call is sent: the attempts after the first, the limit of each (from sending to the last byte), and the caller's signal. */
export interface SendPolicy {
  maxRetries: number;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** What sending needs besides the request: the transport, how retries wait, the key's redaction, and where each attempt is told. */
export interface SendContext {
  /** The headers the client sets on every request (lower case), but the test-mode one, which each call decides. */
  headers: Readonly<Record<string, string>>;
  transport: Transport;
  sleep: Sleep;
  redact: Redactor;
  log: Log;
}

/**
 * Sends `request`, retrying what `shouldRetry` says up to `maxRetries` times, after the wait the server asks for or else a backoff.
 * Resolves to the last response, whatever its status; rejects with a typed error when none came or on abort. `operation` names the
 * call in the log's fields.
 */
export async function send(
  context: SendContext,
  request: OutgoingRequest,
  policy: SendPolicy,
  operation: string,
): Promise<ReceivedResponse> {
  const call = () => describeCall(request.method, request.url);
  const attempts = policy.maxRetries + 1;
  // The client's options refuse these; a raw call's headers or its middleware may still add one, or change the key.
  const message = requestHeaderProblem(request.headers, context.headers);
  if (message)
    throw new PiriodValidationError(`${call()}: ${message}, nothing was sent`, [
      { path: "", keyword: "header", message },
    ]);
  for (let attempt = 1; ; attempt++) {
    const started = Date.now();
    const outcome = await sendAttempt(context.transport, request, policy).catch((error: Error) => {
      throw context.redact.causeOf(error);
    });
    if ("kind" in outcome && outcome.kind === "aborted")
      throw new PiriodAbortError(`${call()} was aborted`, { cause: outcome.cause });
    const durationMs = Date.now() - started;
    const status = "kind" in outcome ? undefined : outcome.status;
    const fields = (more: Partial<LogFields>): LogFields =>
      withoutUndefined({
        operation,
        method: request.method,
        path: logPath(request.url),
        attempt,
        attempts,
        status,
        requestId: "kind" in outcome ? undefined : (outcome.headers.get("x-request-id") ?? undefined),
        ...more,
      });
    const failure =
      "kind" in outcome ? failureError(call(), request, outcome, attempt, policy, context.redact) : undefined;
    const ended = failure ? `failed (${(outcome as Failure).kind})` : `answered ${status}`;
    context.log(
      "debug",
      () => `${call()}: attempt ${attempt} of ${attempts} ${ended} in ${durationMs} ms`,
      () => fields({ durationMs, error: failure?.name }),
    );
    const requested = "kind" in outcome ? undefined : requestedDelayMs(outcome.headers);
    if (attempt > policy.maxRetries || !shouldRetry(outcome, request.method, requested)) {
      if (failure) throw failure;
      return outcome as ReceivedResponse;
    }
    const delay = retryDelayMs(attempt - 1, requested);
    const reason = failure ? failure.message : `${call()} answered ${status}`;
    context.log(
      "info",
      () => `${reason}; retrying in ${Math.round(delay)} ms (attempt ${attempt + 1} of ${attempts})`,
      () => fields({ waitMs: Math.round(delay) }),
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
  const reason = shorten(redact.text(cause instanceof Error ? cause.message : String(cause)), 300);
  return new PiriodConnectionError(
    `${call} failed: no response from ${new URL(request.url).origin} (${tries}): ${reason}`,
    { cause: redact.error(failure.cause) },
  );
}

import { AttemptSignal } from "./attempt-signal.js";
import { PiriodAbortError, PiriodConnectionError, PiriodError, PiriodTimeoutError } from "./errors.js";
import type { Redactor } from "./redact.js";
import { partsOf, type RequestParts } from "./request-parts.js";
import { backoffMs, isRetryableStatus, MAX_RETRY_AFTER_MS, requestedDelayMs } from "./retry-delay.js";
import type { Sleep } from "./sleep.js";
import type { FetchFunction, OutgoingRequest, Transport } from "./transport.js";

export interface RetryPolicy {
  /** Attempts after the first one. */
  maxRetries: number;
  /** Limit of each attempt, from sending to the last byte of the response. */
  timeoutMs: number;
}

export interface RetryContext {
  transport: Transport;
  sleep: Sleep;
  redact: Redactor;
}

type AttemptFailure = { kind: "aborted" | "timeout" | "connection"; cause: unknown };

/** A request body the transports can send again on every attempt. */
export type ReplayableBody = string | Uint8Array | undefined;

/**
 * The `fetch` openapi-fetch calls: sends through the transport, retrying connection failures,
 * timeouts and 408/429/500/502/503/504 up to `maxRetries` times with backoff (or the wait the
 * server asks for, up to 60 s). Connection failures become typed errors here, so `piriod.raw`
 * throws the same classes as `customers.update`; HTTP errors are returned as responses.
 */
export function retryingFetch(context: RetryContext, policy: RetryPolicy): FetchFunction {
  return async (request) => {
    const parts = partsOf(request) ?? (await standardParts(request));
    const { signal } = parts;
    const outgoing: OutgoingRequest = { url: request.url, method: request.method, headers: request.headers, body: replayableBody(parts.body) };
    for (let attempt = 1; ; attempt++) {
      const outcome = await sendAttempt(context.transport, outgoing, signal, policy.timeoutMs);
      const retriesLeft = attempt <= policy.maxRetries;
      let delay: number;
      if ("kind" in outcome) {
        if (outcome.kind === "aborted") throw abortError(request, outcome.cause);
        if (!retriesLeft) throw failureError(request, outcome, attempt, policy, context.redact);
        delay = backoffMs(attempt - 1);
      } else {
        if (!retriesLeft || !isRetryableStatus(outcome.status)) return outcome;
        const requested = requestedDelayMs(outcome.headers);
        if (requested !== undefined && requested > MAX_RETRY_AFTER_MS) return outcome;
        delay = requested ?? backoffMs(attempt - 1);
      }
      try {
        await context.sleep(delay, signal);
      } catch (reason) {
        throw abortError(request, reason);
      }
    }
  };
}

async function sendAttempt(
  transport: Transport,
  outgoing: OutgoingRequest,
  caller: AbortSignal | undefined,
  timeoutMs: number,
): Promise<Response | AttemptFailure> {
  if (caller?.aborted) return { kind: "aborted", cause: caller.reason };
  const attempt = new AttemptSignal(caller, timeoutMs);
  try {
    return await transport(outgoing, attempt);
  } catch (cause) {
    if (caller?.aborted) return { kind: "aborted", cause: caller.reason };
    // Our own errors (a body that cannot be sent, …) are not network trouble: no retry.
    if (cause instanceof PiriodError) throw cause;
    return { kind: attempt.timedOut ? "timeout" : "connection", cause };
  } finally {
    attempt.finish();
  }
}

/** A request whose parts are not known (a middleware may make one): its body is read once, to be re-sent on each attempt. */
async function standardParts(request: Request): Promise<RequestParts> {
  const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
  return { body, signal: request.signal };
}

function replayableBody(body: RequestInit["body"]): ReplayableBody {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string" || body instanceof Uint8Array) return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new PiriodError("Only string, URLSearchParams and byte bodies can be sent (and re-sent on retries)");
}

function abortError(request: Request, reason: unknown): PiriodAbortError {
  return new PiriodAbortError(`${describeCall(request)} was aborted`, { cause: reason });
}

function failureError(request: Request, failure: AttemptFailure, attempts: number, policy: RetryPolicy, redact: Redactor): PiriodError {
  const tries = attempts === 1 ? "1 attempt" : `${attempts} attempts`;
  if (failure.kind === "timeout") {
    return new PiriodTimeoutError(`${describeCall(request)} timed out: no complete response within ${policy.timeoutMs} ms (${tries})`);
  }
  const reason = redact.text(innermostMessage(failure.cause));
  return new PiriodConnectionError(`${describeCall(request)} failed: no response from ${new URL(request.url).origin} (${tries}): ${reason}`, {
    cause: failure.cause,
  });
}

/** `PATCH /customers/cus_1/`: the call as messages name it. */
export function describeCall(request: { method: string; url: string }): string {
  const { pathname, search } = new URL(request.url);
  return `${request.method} ${pathname}${search}`;
}

/** The most specific message of an error chain (`fetch failed` → `connect ECONNREFUSED 127.0.0.1:1`). */
function innermostMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

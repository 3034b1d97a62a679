import type { ReceivedResponse } from "./transport.js";

/** An attempt that ended with no response. */
export type Failure = { kind: "aborted" | "timeout" | "connection"; cause: unknown };

/** A server asking for a longer wait than this is not waited for: the error goes to the caller. */
const MAX_RETRY_AFTER_MS = 60_000;
/** Statuses that a moment may cure: a request timeout, and a server or gateway failing (501 will not be cured). */
const TRANSIENT_STATUSES = new Set([408, 500, 502, 503, 504]);
/** Errors of Node's own transport that say the request never left: the connection was refused, or the host has no address. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * Whether an attempt that ended in `outcome` is worth another, given the wait its response asks for (`requested`). A POST creates, and
 * Piriod has no idempotency key: it is retried only when it cannot have been processed (`fetch` cannot tell a refused connection from
 * a reset after sending, so only Node's transport proves a create never left).
 */
export function shouldRetry(
  outcome: ReceivedResponse | Failure,
  method: string,
  requested: number | undefined,
): boolean {
  const creates = method === "POST";
  // No response: a timeout or a broken connection, which a create survives only when the request never left.
  if ("kind" in outcome) return !creates || NOT_SENT.has((outcome.cause as { code?: string } | null)?.code ?? "");
  // A server that asks for too long a wait is not waited for.
  if (requested !== undefined && requested > MAX_RETRY_AFTER_MS) return false;
  // Too many requests: refused before any work, so a create too.
  if (outcome.status === 429) return true;
  // Unavailable, saying when to come back: refused before any work, so a create too.
  if (outcome.status === 503 && requested !== undefined) return true;
  // Any other answer to a create may come after the customer was made.
  if (creates) return false;
  return TRANSIENT_STATUSES.has(outcome.status);
}

/** The first backoff step, and the least wait before any retry: a server asking for less (`Retry-After: 0`, a date past) gets this. */
const FIRST_STEP_MS = 500;

/** The wait before the `retry`-th retry (from 0): what the server asked for, but never less than the first step, else the backoff. */
export function retryDelayMs(retry: number, requested: number | undefined): number {
  return requested === undefined ? backoffMs(retry) : Math.max(requested, FIRST_STEP_MS);
}

/** Backoff before the `retry`-th retry (from 0): 0.5 s doubling to 8 s, less up to a quarter at random, so clients that failed together do not come back together. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  return Math.min(FIRST_STEP_MS * 2 ** retry, 8_000) * (1 - random() * 0.25);
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

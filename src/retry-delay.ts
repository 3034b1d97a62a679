/** Statuses worth another attempt: the request may well succeed a moment later. */
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;
/** A server asking for a longer wait than this is not waited for: the error goes to the caller. */
export const MAX_RETRY_AFTER_MS = 60_000;

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * Exponential backoff for the `retry`-th retry (0-based): 0.5 s doubling up to 8 s, less up to a
 * quarter at random, so clients that failed together do not come back together.
 */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  return Math.min(FIRST_BACKOFF_MS * 2 ** retry, MAX_BACKOFF_MS) * (1 - random() * 0.25);
}

/**
 * The wait a response asks for: `retry-after-ms` (milliseconds), else `Retry-After` as seconds or
 * as an HTTP date. `undefined` when neither is present or readable.
 */
export function requestedDelayMs(headers: Headers, now: number = Date.now()): number | undefined {
  const milliseconds = parseNonNegative(headers.get("retry-after-ms"));
  if (milliseconds !== undefined) return milliseconds;
  const retryAfter = headers.get("retry-after");
  if (retryAfter === null) return undefined;
  const seconds = parseNonNegative(retryAfter);
  if (seconds !== undefined) return seconds * 1_000;
  // HTTP dates start with the day's name; Date.parse alone would take "-1" for a year.
  const date = /^\s*[A-Za-z]{3}/.test(retryAfter) ? Date.parse(retryAfter) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseNonNegative(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}

import {
  PiriodAbortError,
  PiriodApiError,
  PiriodConnectionError,
  PiriodError,
  PiriodProtocolError,
  PiriodResponseTooLargeError,
  PiriodResponseValidationError,
} from "./errors.js";
import { shorten } from "./message-text.js";
import type { Redactor } from "./redaction.js";

export type LogLevel = "debug" | "info" | "warn" | "error";

/** What the client tells a logger beside the message, each field there when it applies. */
export interface LogFields {
  /** The client's method (`customers.update`), or `raw.` and the method of a `raw` call (`raw.GET`). */
  operation: string;
  method: string;
  /** The path with its ids, and the names of its query parameters without their values: `/customers/?email&page`. */
  path: string;
  /** The attempt, counted from 1. */
  attempt?: number;
  /** The attempts the call may make: `maxRetries` plus one. */
  attempts?: number;
  status?: number;
  /** The wait before the next attempt. */
  waitMs?: number;
  /** How long the attempt took, or the whole call for the line that ends it. */
  durationMs?: number;
  /** The response's `x-request-id`, when it has one. */
  requestId?: string;
  /** The class of the error a call ends with: `PiriodNotFoundError`. */
  error?: string;
}

/**
 * What the `logger` option takes: `console`, winston, or any logger with these methods, each given a message and then an object of
 * fields (console's order; pino takes the object first, so it needs a one-line adapter).
 */
export type Logger = Record<LogLevel, (message: string, fields: LogFields) => void>;

/** Reports one event at a level, to the caller's logger when it asked for that level; the message and fields are made only then. */
export type Log = (level: LogLevel, message: () => string, fields: () => LogFields) => void;

export const LEVELS: LogLevel[] = ["debug", "info", "warn", "error"];

/** The longest line the client logs: a message is bounded already, and this bounds whatever else a line quotes. */
const MAX_LOG_LINE = 2_000;

/** The client's `Log`, handing `logger` what reaches `least`; fields a server wrote are redacted and their control characters escaped. */
export function createLog(logger: Logger | undefined, least: LogLevel, redact: Redactor): Log {
  return (level, message, fields) => {
    if (!logger || LEVELS.indexOf(level) < LEVELS.indexOf(least)) return;
    const given = fields();
    if (given.requestId !== undefined) given.requestId = shorten(redact.text(given.requestId), 200);
    safelyLog(logger, level, shorten(message(), MAX_LOG_LINE), given);
  };
}

/**
 * Hands `logger` one line, its failure swallowed: a logger that throws, or an async one that rejects, cannot change the outcome of the
 * call it reports on, nor leave an unhandled rejection.
 */
function safelyLog(logger: Logger, level: LogLevel, message: string, fields: LogFields): void {
  try {
    const returned: unknown = logger[level](message, fields);
    if (typeof (returned as PromiseLike<unknown> | null)?.then === "function")
      (returned as PromiseLike<unknown>).then(undefined, () => {});
  } catch {}
}

/**
 * The level of the line that ends a failed call: `error` for what Piriod or the network failed at after the retries (a 5xx, no
 * response, an answer that is no valid response), `warn` for a 4xx (or a 3xx not followed) and a call refused before sending, `info`
 * for the caller's own abort.
 */
export function failureLevel(error: unknown): LogLevel {
  if (error instanceof PiriodAbortError) return "info";
  if (error instanceof PiriodApiError) return error.status >= 500 ? "error" : "warn";
  const failed = [
    PiriodConnectionError,
    PiriodProtocolError,
    PiriodResponseTooLargeError,
    PiriodResponseValidationError,
  ];
  return error instanceof PiriodError && !failed.some((ErrorClass) => error instanceof ErrorClass) ? "warn" : "error";
}

/** The fields that apply: a logger given `status: undefined` would print it. */
export function withoutUndefined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

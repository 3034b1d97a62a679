import type { ReceivedResponse } from "./received-response.js";
import { PiriodError } from "./root-errors.js";
import type { ValidationIssue } from "./validator-runtime.js";

// The root, and the error the generated converters throw too: see ./root-errors.ts.
export { PiriodError, PiriodValidationError } from "./root-errors.js";

/** One message of a 400, at a JSON Pointer into the request body (`/name`, `/contacts/0/email`). */
export interface FieldError {
  path: string;
  message: string;
}

/** Piriod answered with a status outside 2xx. `body` is the parsed JSON, or the raw text when it is not JSON (`""` when empty). */
export class PiriodApiError extends PiriodError {
  /** The `x-request-id` Piriod (or a gateway) sent, if any. */
  readonly requestId: string | null;
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
    readonly headers: Headers,
  ) {
    super(message);
    this.requestId = headers.get("x-request-id");
  }
}

/** 400: Piriod refused the body. Django REST Framework's field errors come flattened to JSON Pointers. */
export class PiriodBadRequestError extends PiriodApiError {
  constructor(
    message: string,
    status: number,
    body: unknown,
    headers: Headers,
    /** One entry per message, `path` a JSON Pointer as the validators use (`/name`, `/contacts/0/email`). */
    readonly fieldErrors: FieldError[],
    /** Messages bound to no field, such as `x-simple-workspace header is required.` */
    readonly nonFieldErrors: string[],
  ) {
    super(message, status, body, headers);
  }
}

/** 401: the API key is missing, malformed or revoked. */
export class PiriodAuthenticationError extends PiriodApiError {}
/** 403: the key is valid but may not act here (for instance, a workspace that is not the user's). */
export class PiriodPermissionDeniedError extends PiriodApiError {}
/** 404: no such resource in this workspace, or in this mode. */
export class PiriodNotFoundError extends PiriodApiError {}
/** 429: too many requests, still refused after the retries (or asked to wait over 60 s). */
export class PiriodRateLimitError extends PiriodApiError {}
/** 5xx: Piriod or a gateway in front of it failed, still failing after the retries. */
export class PiriodServerError extends PiriodApiError {}
/** No response: the connection could not be made or broke before the whole response arrived. */
export class PiriodConnectionError extends PiriodError {}
/** An attempt took longer than `timeoutMs`, and so did every retry. */
export class PiriodTimeoutError extends PiriodConnectionError {}
/** The caller's `signal` aborted the call. Never retried. */
export class PiriodAbortError extends PiriodError {}
/** The response's body is larger than `maxResponseBytes` (decoded): refused as it arrives, and not retried. */
export class PiriodResponseTooLargeError extends PiriodError {}
/** The server's answer is not an HTTP response to the request (an unrequested protocol switch, an unparsable status line, an encoding not asked for). Not retried. */
export class PiriodProtocolError extends PiriodError {}

/** A 2xx whose body is not what the contract promises (not JSON, or, with response validation on, off-schema); `body` as received, parsed when it is JSON. */
export class PiriodResponseValidationError extends PiriodError {
  constructor(
    message: string,
    readonly errors: ValidationIssue[],
    readonly status: number,
    readonly body: unknown,
    readonly headers: Headers,
  ) {
    super(message);
  }
}

// Set on the prototypes, not taken from the class names, which minifiers rename.
const NAMES =
  "ApiError BadRequestError AuthenticationError PermissionDeniedError NotFoundError RateLimitError ServerError ConnectionError TimeoutError AbortError ResponseTooLargeError ProtocolError ResponseValidationError";
[
  ...[
    PiriodApiError,
    PiriodBadRequestError,
    PiriodAuthenticationError,
    PiriodPermissionDeniedError,
    PiriodNotFoundError,
    PiriodRateLimitError,
    PiriodServerError,
  ],
  ...[
    PiriodConnectionError,
    PiriodTimeoutError,
    PiriodAbortError,
    PiriodResponseTooLargeError,
    PiriodProtocolError,
    PiriodResponseValidationError,
  ],
].forEach((ErrorClass, index) => {
  ErrorClass.prototype.name = `Piriod${NAMES.split(" ")[index]}`;
});

const CLASS_BY_STATUS: Record<number, typeof PiriodApiError> = {
  401: PiriodAuthenticationError,
  403: PiriodPermissionDeniedError,
  404: PiriodNotFoundError,
  429: PiriodRateLimitError,
};

/** The typed error for a response outside 2xx. `call` names the request in the message (`PATCH /customers/cus_1/`). */
export function apiErrorFrom(response: ReceivedResponse, call: string, redact: Redactor): PiriodApiError {
  const body = redact.json(parseBody(response.body));
  const headers = redact.headers(response.headers);
  const { status } = response;
  const prefix = `${call} failed with ${status}`;
  if (status === 400) {
    const { fieldErrors, nonFieldErrors } = flattenDrfErrors(body);
    const lines = [...nonFieldErrors, ...fieldErrors.map(({ path, message }) => `${path}: ${message}`)];
    return new PiriodBadRequestError(
      `${prefix}: ${lines.length > 0 ? lines.join("; ") : summarise(body)}`,
      status,
      body,
      headers,
      fieldErrors,
      nonFieldErrors,
    );
  }
  // The client follows no redirect: one means the base URL is wrong, and following it would take the key and the body elsewhere.
  const location = status < 400 && response.headers.get("location");
  let why = location
    ? `redirected to ${shorten(redact.text(location))} (not followed: set baseUrl to where the API answers)`
    : summarise(body);
  // A browser answers `redirect: "manual"` with an opaque response that hides its status and where it pointed.
  if (status === 0)
    why = "redirected, and the browser does not say where (not followed: set baseUrl to where the API answers)";
  return new (status >= 500 ? PiriodServerError : (CLASS_BY_STATUS[status] ?? PiriodApiError))(
    `${prefix}: ${why}`,
    status,
    body,
    headers,
  );
}

/** A body as JSON when it parses, else its text. */
export function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Flattens a Django REST Framework 400 body. A field maps to a list of messages, to a map for a nested object, or to a list whose maps
 * are the errors of a nested list's items, index by index. `non_field_errors` (and `detail`, DRF's key for a body it could not parse)
 * belong to the object that holds them; at the top they are the call's non-field errors.
 */
export function flattenDrfErrors(body: unknown): { fieldErrors: FieldError[]; nonFieldErrors: string[] } {
  const fieldErrors: FieldError[] = [];
  const nonFieldErrors: string[] = [];
  const isMap = (value: unknown): value is Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value);
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, isMap(item) ? `${path}/${index}` : path);
    } else if (isMap(value)) {
      for (const [key, inner] of Object.entries(value))
        visit(
          inner,
          key === "non_field_errors" || key === "detail"
            ? path
            : `${path}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`,
        );
    } else if (value !== undefined && value !== null && value !== "") {
      if (path === "") nonFieldErrors.push(String(value));
      else fieldErrors.push({ path, message: String(value) });
    }
  };
  if (typeof body === "object" && body !== null) visit(body, "");
  return { fieldErrors, nonFieldErrors };
}

/**
 * A one-line account of a body for a message: DRF's `detail`; an HTML page's `<title>`, else its first line of text; a text's first line;
 * else the start of the JSON. The whole body stays on the error: a gateway's error page is kilobytes of markup nobody reads in a log line.
 */
export function summarise(body: unknown): string {
  if (typeof (body as { detail?: unknown } | null)?.detail === "string") return (body as { detail: string }).detail;
  let text = typeof body === "string" ? body : JSON.stringify(body);
  if (/^\s*</.test(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
    text = title ?? text.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, "").replace(/<[^>]*>/g, "\n");
  }
  if (typeof body === "string") text = text.split("\n").find((line) => line.trim() !== "") ?? "";
  text = text.replace(/\s+/g, " ").trim();
  return text === "" ? "(empty body)" : text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** `PATCH /customers/cus_1/`: the call as messages name it. */
export function describeCall(method: string, url: string): string {
  const { pathname, search } = new URL(url);
  return `${method} ${shorten(pathname + search)}`;
}

/** A value as a message quotes it: a long one (a 100 kB id) is cut, its whole length said; the whole value stays on the error's fields. */
export function shorten(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 20)}…(${text.length} characters)` : text;
}

export type Redactor = ReturnType<typeof createRedactor>;

/**
 * Removes the API key from what an error carries (text, parsed JSON, headers), in case a server or a proxy echoes it back: where it
 * stands as a token of its own, as a header value or echoed request text has it, so that a short key cannot mangle other words.
 */
export function createRedactor(secret: string) {
  // Not inside a longer token: neither next to a token's character (a dot only when another follows it, as a sentence's full stop does
  // not), unless after a percent-escape, as a URL echoes `Token%20<key>`.
  const key = secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const token = new RegExp(`(?:(?<=%[\\dA-Fa-f]{2})|(?<![\\w~-]|[\\w~-]\\.))${key}(?![\\w~-]|\\.[\\w~-])`, "g");
  const text = (value: string) => value.replace(token, "[redacted]");
  const json = <T>(value: T): T => {
    if (typeof value === "string") return text(value) as T;
    // Errors are rare and their bodies small: one stringify to skip clean bodies is cheap.
    if (typeof value !== "object" || value === null || text(JSON.stringify(value)) === JSON.stringify(value))
      return value;
    if (Array.isArray(value)) return value.map(json) as T;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [text(key), json(inner)])) as T;
  };
  const headers = (value: Headers) =>
    [...value].some(([, inner]) => text(inner) !== inner)
      ? new Headers([...value].map(([name, inner]): [string, string] => [name, text(inner)]))
      : value;
  return { text, json, headers };
}

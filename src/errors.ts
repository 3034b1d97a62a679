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

/** The class of a response's error, by its status (a 400 is built apart: it carries DRF's field errors). */
export function apiErrorClass(status: number): typeof PiriodApiError {
  switch (status) {
    case 401:
      return PiriodAuthenticationError;
    case 403:
      return PiriodPermissionDeniedError;
    case 404:
      return PiriodNotFoundError;
    case 429:
      return PiriodRateLimitError;
    default:
      return status >= 500 ? PiriodServerError : PiriodApiError;
  }
}

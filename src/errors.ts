import type { ValidationIssue } from "../generated/validators/runtime.js";
import type { FieldError } from "./drf-errors.js";

/** Every error the client throws. */
export class PiriodError extends Error {
  /**
   * What `JSON.stringify` writes: the name, the message and the error's own fields. Headers become
   * a plain object (a `Headers` would serialise as `{}`); the cause is reduced to its message.
   */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) json[key] = value instanceof Headers ? Object.fromEntries(value) : value;
    if (this.cause !== undefined) json.cause = this.cause instanceof Error ? this.cause.message : String(this.cause);
    return json;
  }
}

/** Piriod answered with a status outside 2xx. */
export class PiriodApiError extends PiriodError {
  /** The response's body: parsed JSON, or the raw text when it is not JSON (`""` when empty). */
  readonly body: unknown;
  /** The `x-request-id` Piriod (or a gateway) sent, if any. */
  readonly requestId: string | null;

  constructor(
    message: string,
    readonly status: number,
    body: unknown,
    readonly headers: Headers,
  ) {
    super(message);
    this.body = body;
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

/** The call was refused before anything was sent: the body breaks the schema, or the id is unusable. */
export class PiriodValidationError extends PiriodError {
  constructor(
    message: string,
    /** Every violation, as the validators report them. */
    readonly errors: ValidationIssue[],
  ) {
    super(message);
  }
}

/** A 2xx whose body is not the `Customer` the contract promises (not JSON, or, with response validation on, off-schema). */
export class PiriodResponseValidationError extends PiriodError {
  constructor(
    message: string,
    readonly errors: ValidationIssue[],
    readonly status: number,
    /** The body as received: parsed JSON, or the raw text when it is not JSON. */
    readonly body: unknown,
    readonly headers: Headers,
  ) {
    super(message);
  }
}

// Set on the prototypes, not taken from the class names, which minifiers rename.
for (const [ErrorClass, name] of [
  [PiriodError, "PiriodError"],
  [PiriodApiError, "PiriodApiError"],
  [PiriodBadRequestError, "PiriodBadRequestError"],
  [PiriodAuthenticationError, "PiriodAuthenticationError"],
  [PiriodPermissionDeniedError, "PiriodPermissionDeniedError"],
  [PiriodNotFoundError, "PiriodNotFoundError"],
  [PiriodRateLimitError, "PiriodRateLimitError"],
  [PiriodServerError, "PiriodServerError"],
  [PiriodConnectionError, "PiriodConnectionError"],
  [PiriodTimeoutError, "PiriodTimeoutError"],
  [PiriodAbortError, "PiriodAbortError"],
  [PiriodValidationError, "PiriodValidationError"],
  [PiriodResponseValidationError, "PiriodResponseValidationError"],
] as const) {
  ErrorClass.prototype.name = name;
}

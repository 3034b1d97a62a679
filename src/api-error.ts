import { flattenDrfErrors } from "./drf-field-errors.js";
import { apiErrorClass, type PiriodApiError, PiriodBadRequestError, PiriodResponseValidationError } from "./errors.js";
import { shorten } from "./message-text.js";
import { redactJson } from "./redact-json.js";
import type { Redactor } from "./redaction.js";
import { listed, summarise } from "./summary.js";
import type { ReceivedResponse } from "./transport.js";
import type { ValidationIssue } from "./validator-runtime.js";

// What reads a response that failed or was refused: the error classes' messages, summaries, field errors and the redaction of a body.
// The call path imports it the first time a response is not what was asked for, so an app whose calls succeed never loads it.

/** The typed error for a response outside 2xx. `call` names the request in the message (`PATCH /customers/cus_1/`). */
export function apiErrorFrom(response: ReceivedResponse, call: string, redact: Redactor): PiriodApiError {
  const body = redactJson(redact, parseBody(response.body), response.body);
  const headers = redact.headers(response.headers);
  const { status } = response;
  const prefix = `${call} failed with ${status}`;
  if (status === 400) {
    const { fieldErrors, nonFieldErrors } = flattenDrfErrors(body);
    const count = nonFieldErrors.length + fieldErrors.length;
    const lines = function* () {
      yield* nonFieldErrors;
      for (const { path, message } of fieldErrors) yield `${path}: ${message}`;
    };
    return new PiriodBadRequestError(
      `${prefix}: ${count > 0 ? listed(lines(), count) : summarise(body)}`,
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
    : response.undecodable !== undefined
      ? `(a body in charset ${shorten(response.undecodable)}, which this platform cannot decode)`
      : summarise(body);
  // A browser answers `redirect: "manual"` with an opaque response that hides its status and where it pointed.
  if (status === 0)
    why = "redirected, and the browser does not say where (not followed: set baseUrl to where the API answers)";
  return new (apiErrorClass(status))(`${prefix}: ${why}`, status, body, headers);
}

/** A body as JSON when it parses, else its text. */
export function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The error of a 2xx whose body is not what the spec promises: `errors` say why; `body` is what it carries, redacted. */
export function responseValidationError(
  received: ReceivedResponse,
  call: string,
  errors: ValidationIssue[],
  body: unknown,
  redact: Redactor,
): PiriodResponseValidationError {
  return new PiriodResponseValidationError(
    `${call} answered ${received.status} with a body that is not what the spec promises: ${errors.map((issue) => issue.message).join("; ")}`,
    errors,
    received.status,
    redactJson(redact, body, received.body),
    redact.headers(received.headers),
  );
}

/** The error of a 2xx in a charset this platform cannot decode. */
export function undecodableError(
  received: ReceivedResponse,
  call: string,
  redact: Redactor,
): PiriodResponseValidationError {
  const message = `the body is in charset ${shorten(received.undecodable ?? "")}, which this platform cannot decode`;
  return responseValidationError(received, call, [{ path: "", keyword: "charset", message }], "", redact);
}

/** The error of a 2xx whose `content-type` is not JSON: its summary says what came instead. */
export function notJsonTypeError(received: ReceivedResponse, call: string, contentType: string, redact: Redactor) {
  const message = `expected application/json, got ${shorten(redact.text(contentType))} (${summarise(redact.text(received.body))})`;
  return responseValidationError(
    received,
    call,
    [{ path: "", keyword: "contentType", message }],
    received.body,
    redact,
  );
}

/** The error of a 2xx whose body is no JSON: quoted by its summary, not by `JSON.parse`'s message, which quotes the key whole or cut. */
export function notJsonError(received: ReceivedResponse, call: string, redact: Redactor) {
  const message =
    received.body === ""
      ? "the body is empty"
      : `the body is not valid JSON (${summarise(redact.text(received.body))})`;
  return responseValidationError(received, call, [{ path: "", keyword: "json", message }], received.body, redact);
}

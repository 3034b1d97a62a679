import { flattenDrfErrors } from "./drf-field-errors.js";
import { apiErrorClass, type PiriodApiError, PiriodBadRequestError } from "./errors.js";
import type { Redactor } from "./redaction.js";
import { listed, shorten, summarise } from "./summary.js";
import type { ReceivedResponse } from "./transport.js";

/** The typed error for a response outside 2xx. `call` names the request in the message (`PATCH /customers/cus_1/`). */
export function apiErrorFrom(response: ReceivedResponse, call: string, redact: Redactor): PiriodApiError {
  const body = redact.json(parseBody(response.body), response.body);
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

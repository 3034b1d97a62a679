import { describeDrfErrors, flattenDrfErrors } from "./drf-errors.js";
import {
  PiriodApiError,
  PiriodAuthenticationError,
  PiriodBadRequestError,
  PiriodNotFoundError,
  PiriodPermissionDeniedError,
  PiriodRateLimitError,
  PiriodServerError,
} from "./errors.js";
import type { Redactor } from "./redact.js";

const CLASS_BY_STATUS: Record<number, typeof PiriodApiError> = {
  401: PiriodAuthenticationError,
  403: PiriodPermissionDeniedError,
  404: PiriodNotFoundError,
  429: PiriodRateLimitError,
};

/**
 * The typed error for a response outside 2xx. `parsedBody` is what openapi-fetch read: JSON when
 * the body parses, else the raw text, `undefined` when the body was empty. `call` names the
 * request in the message (`PATCH /customers/cus_1/`).
 */
export function apiErrorFrom(response: Response, parsedBody: unknown, call: string, redact: Redactor): PiriodApiError {
  const body = redact.json(parsedBody ?? "");
  const headers = redact.headers(response.headers);
  const { status } = response;
  const prefix = `${call} failed with ${status}`;
  if (status === 400) {
    const drf = typeof body === "object" && body !== null ? flattenDrfErrors(body) : { fieldErrors: [], nonFieldErrors: [] };
    const lines = describeDrfErrors(drf);
    const message = `${prefix}: ${lines.length > 0 ? lines.join("; ") : summarise(body)}`;
    return new PiriodBadRequestError(message, status, body, headers, drf.fieldErrors, drf.nonFieldErrors);
  }
  const ErrorClass = status >= 500 ? PiriodServerError : (CLASS_BY_STATUS[status] ?? PiriodApiError);
  return new ErrorClass(`${prefix}: ${redirection(response, redact) ?? summarise(body)}`, status, body, headers);
}

/**
 * What a redirect asked for. The Node transport follows none (a global fetch follows them before
 * the client sees a status): an API call answered with a redirect means the base URL is wrong.
 */
function redirection(response: Response, redact: Redactor): string | undefined {
  const location = response.status < 400 && response.headers.get("location");
  if (!location) return undefined;
  return `redirected to ${redact.text(location)} (not followed: set baseUrl to where the API answers)`;
}

const SUMMARY_LENGTH = 200;

/** A one-line account of a body for a message: DRF's `detail`, else the start of the text or JSON. */
export function summarise(body: unknown): string {
  if (typeof body === "object" && body !== null && typeof (body as { detail?: unknown }).detail === "string") {
    return (body as { detail: string }).detail;
  }
  const text = (typeof body === "string" ? body : JSON.stringify(body)).replace(/\s+/g, " ").trim();
  if (text === "") return "(empty body)";
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH)}…` : text;
}

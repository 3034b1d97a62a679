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

/**
 * A one-line account of a body for a message: DRF's `detail`; an HTML page's `<title>`, else its
 * first line of text; a text's first line; else the start of the JSON. The whole body stays on the
 * error's `body`: a gateway's error page is kilobytes of markup nobody reads in a log line.
 */
export function summarise(body: unknown): string {
  if (typeof body === "object" && body !== null && typeof (body as { detail?: unknown }).detail === "string") {
    return (body as { detail: string }).detail;
  }
  let text: string;
  if (typeof body !== "string") text = JSON.stringify(body);
  else if (!/^\s*</.test(body)) text = firstLine(body);
  else text = decodeEntities(/<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1] ?? firstLine(textOfMarkup(body)));
  text = text.replace(/\s+/g, " ").trim();
  if (text === "") return "(empty body)";
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH)}…` : text;
}

function firstLine(text: string): string {
  return text.split("\n").find((line) => line.trim() !== "") ?? "";
}

/** The text of an HTML page, a line per element, without its scripts and styles. */
function textOfMarkup(html: string): string {
  return decodeEntities(html.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, "").replace(/<[^>]*>/g, "\n"));
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|[a-z]+);/gi, (entity, name: string) =>
    name.startsWith("#") ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name.toLowerCase()] ?? entity),
  );
}

import type { ValidationIssue } from "../generated/validators/runtime.js";
import { PiriodValidationError } from "./errors.js";
import { shorten } from "./summary.js";

// The rules a call's arguments meet before anything is sent, for the resource methods and `raw` alike.

/**
 * Refuses an id that cannot travel as one path segment. It is percent-encoded (`/`, `?`, `#`, `%`, spaces and non-ASCII arrive intact),
 * but no URL can carry `.` or `..` as a segment, an empty or blank id names nothing, and a lone UTF-16 surrogate has no encoding.
 */
export function checkId(id: unknown, name: string, where: string): string {
  let problem: string | undefined;
  if (typeof id !== "string") problem = `must be a string, got ${id === null ? "null" : typeof id}`;
  else if (id.trim() === "") problem = "must not be empty or blank";
  else if (id === "." || id === "..") problem = `cannot be "${id}": no URL can carry it as a path segment`;
  else if (/\p{Surrogate}/u.test(id)) problem = "must be well-formed Unicode (it holds a lone surrogate)";
  if (problem === undefined) return id as string;
  throw refusal(where, "the call is refused", [{ path: "", keyword: name, message: `${name} ${problem}` }]);
}

/**
 * Refuses a query key the operation does not declare: Piriod's filters ignore one they do not know, and a misspelt filter would
 * answer with everything (which a `delete` in a loop would then delete).
 */
export function checkQuery(
  query: unknown,
  known: readonly string[],
  where: string,
): Record<string, unknown> | undefined {
  if (query === undefined) return undefined;
  if (typeof query !== "object" || query === null || Array.isArray(query))
    throw refusal(where, "the call is refused", [
      { path: "", keyword: "query", message: "the query must be an object of parameters" },
    ]);
  const declared = (key: string) =>
    known.some(
      (name) => name === key || (name.endsWith("*") && key.startsWith(name.slice(0, -1)) && key.length >= name.length),
    );
  const unknown = Object.keys(query).filter((key) => !declared(key));
  if (unknown.length === 0) return query as Record<string, unknown>;
  const message = `unknown query parameter ${unknown.map((key) => `"${shorten(key)}"`).join(", ")}; the parameters are ${known.join(", ")}`;
  throw refusal(where, "the call is refused", [{ path: "", keyword: "query", message }]);
}

/**
 * A query object as Piriod reads it, for the methods and `raw` alike: `undefined` left out, dates as ISO 8601, arrays joined by commas
 * (Django's `__in` lookups), booleans as `true`/`false`, any other value as its text; percent-encoded, but for the commas of a list.
 */
export function serializeQuery(query: Record<string, unknown> | undefined): string {
  const text = (item: unknown) => encodeURIComponent(item instanceof Date ? item.toISOString() : String(item));
  return Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined)
    .map(
      ([key, value]) => `${encodeURIComponent(key)}=${Array.isArray(value) ? value.map(text).join(",") : text(value)}`,
    )
    .join("&");
}

/** The body as the JSON text to send: a body that cannot be written as JSON, or writes as nothing, is refused. */
export function jsonText(body: unknown, where: string): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (cause) {
    throw refusal(
      where,
      "the call is refused",
      [{ path: "", keyword: "json", message: `the body cannot be written as JSON (${(cause as Error).message})` }],
      cause,
    );
  }
  if (text === undefined)
    throw refusal(where, "the call is refused", [{ path: "", keyword: "required", message: "a body is required" }]);
  return text;
}

/** A `PiriodValidationError` for an argument refused before sending: `where` names the call, `what` says what it refused. */
export function refusal(
  where: string,
  what: string,
  errors: ValidationIssue[],
  cause?: unknown,
): PiriodValidationError {
  return new PiriodValidationError(
    `${where}: ${what}, nothing was sent: ${errors.map((issue) => issue.message).join("; ")}`,
    errors,
    { cause },
  );
}

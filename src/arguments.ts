import { PiriodValidationError } from "./errors.js";
import type { ValidationIssue } from "./validator-runtime.js";

// The rules a call's arguments meet before anything is sent, for the resource methods and `raw` alike (a query's: ./query.ts).

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

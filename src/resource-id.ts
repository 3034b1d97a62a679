import { PiriodValidationError } from "./errors.js";

/**
 * Refuses an id that cannot travel as one path segment. openapi-fetch percent-encodes the id
 * (`/`, `?`, `#`, `%`, spaces and non-ASCII arrive intact as one segment), but nothing can make
 * `.` or `..` a segment (URLs resolve them away), an empty or blank id names no resource, and a
 * lone UTF-16 surrogate has no encoding at all.
 */
export function checkResourceId(id: unknown, where: string): string {
  let problem: string | undefined;
  if (typeof id !== "string") problem = `must be a string, got ${id === null ? "null" : typeof id}`;
  else if (id.trim() === "") problem = "must not be empty or blank";
  else if (id === "." || id === "..") problem = `cannot be "${id}": no URL can carry it as a path segment`;
  else if (!isWellFormed(id)) problem = "must be well-formed Unicode (it holds a lone surrogate)";
  if (problem === undefined) return id as string;
  const message = `id ${problem}`;
  throw new PiriodValidationError(`${where}: ${message}`, [{ path: "", keyword: "id", message }]);
}

function isWellFormed(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

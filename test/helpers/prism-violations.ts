import type { ExpectedIssue } from "./conformance-corpus.ts";
import { pointerTokens } from "./conformance-schemas.ts";

/** One entry of Prism's `sl-violations` header. */
export interface Violation {
  location: string[];
  code: string | number;
  message: string;
}

export function parseViolations(header: string | null): Violation[] {
  if (header === null) return [];
  const parsed = JSON.parse(header);
  if (!Array.isArray(parsed)) throw new Error(`sl-violations is not a JSON array: ${header}`);
  return parsed as Violation[];
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((token, index) => token === b[index]);

/**
 * Whether a violation names the field of an issue of the request body. Prism puts a field's own
 * faults at its location (`["request", "body", "state"]`), but reports a missing or unknown
 * property at its parent and names it in the message ("… required property 'name'", "… found 'foo'").
 */
export function namesIssue(violation: Violation, issue: ExpectedIssue): boolean {
  const tokens = pointerTokens(issue.path);
  const location = ["request", "body", ...tokens];
  if (violation.code !== issue.keyword) return false;
  if (issue.keyword !== "required" && issue.keyword !== "additionalProperties")
    return same(violation.location, location);
  return same(violation.location, location.slice(0, -1)) && violation.message.includes(`'${tokens.at(-1)}'`);
}

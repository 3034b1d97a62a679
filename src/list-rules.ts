import { PiriodError } from "./errors.js";
import { shorten } from "./message-text.js";
import type { ValidationIssue } from "./validator-runtime.js";

// The rules a list's pages meet, so that every list ends: imported with ./lists.ts by the first list call.

/** A `page` the client can read and trust: digits only, no sign, no exponent, exact as a number. */
const PAGE_NUMBER = /^[1-9][0-9]{0,14}$/;

/**
 * Why a list's body is no Piriod envelope, checked whether or not response validation is on: iterating `results` that are a string
 * would give its letters, and a `next` that is no URL could never be followed.
 */
export function envelopeIssues(body: unknown): ValidationIssue[] {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return [
      { path: "", keyword: "type", message: "the body must be an object with count, next, previous and results" },
    ];
  const { count, next, previous, results } = body as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  if (!Number.isSafeInteger(count) || (count as number) < 0)
    issues.push({ path: "/count", keyword: "type", message: "/count must be a whole number, 0 or more" });
  for (const [name, link] of [
    ["next", next],
    ["previous", previous],
  ] as const) {
    if (link !== undefined && link !== null && !isUrl(link))
      issues.push({ path: `/${name}`, keyword: "format", message: `/${name} must be a URL or null` });
  }
  if (!Array.isArray(results)) issues.push({ path: "/results", keyword: "type", message: "/results must be an array" });
  return issues;
}

function isUrl(link: unknown): boolean {
  try {
    return typeof link === "string" && new URL(link).protocol.startsWith("http");
  } catch {
    return false;
  }
}

/**
 * The page that a link of the page the list is on names (`next`, or `previous`): a positive whole number written in digits, after the
 * current page (the query's `page`, else 1) for `next`, before it for `previous`. A `previous` link without a `page` is page 1, as Django
 * REST Framework writes it. Anything else is a `PiriodError` naming the link: a cursor, `page=last`, `1e20`, a page already read.
 */
export function linkedPageNumber(
  direction: "next" | "previous",
  target: string,
  { name, query, redact }: { name: string; query: Record<string, unknown> | undefined; redact(text: string): string },
): number {
  const forward = direction === "next";
  const link = shorten(redact(target));
  const current = Number(PAGE_NUMBER.test(String(query?.page)) ? query?.page : 1);
  const number = new URL(target).searchParams.get("page") ?? (forward ? "" : "1");
  if (!PAGE_NUMBER.test(number))
    throw stop(
      name,
      `the ${direction} link ${link} names no page the client can read (a positive whole number written in digits)`,
    );
  if (forward ? Number(number) <= current : Number(number) >= current)
    throw stop(
      name,
      `the ${direction} link ${link} names page ${number}, which does not come ${forward ? "after" : "before"} page ${current}`,
    );
  return Number(number);
}

/** Refuses page `number` when the pages read so far bring more items than the first page's count and two of its pages more. */
export function checkItemCount(
  seen: number,
  first: { count: number; size: number },
  number: number,
  name: string,
): void {
  if (seen > first.count + 2 * first.size)
    throw stop(
      name,
      `page ${number} brings the items to ${seen}, more than the list's count (${first.count}) and two pages of ${first.size} more`,
    );
}

function stop(name: string, why: string): PiriodError {
  return new PiriodError(`${name}: ${why}; the list stops here`);
}

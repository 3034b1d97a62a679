import { refusal } from "./arguments.js";
import { shorten } from "./message-text.js";
import type { ValidationIssue } from "./validator-runtime.js";

// How a query is written and the rules its values meet, for the methods and `raw` alike; imported with ./lists.ts.

/** What a call's query may hold: the parameters its operation declares (when the call knows them), and which of them take a list. */
export interface QueryRules {
  declared?: readonly string[] | undefined;
  arrays?: readonly string[] | undefined;
}

/**
 * A query object as Piriod reads it, for the methods and `raw` alike: `undefined` left out, dates as ISO 8601, booleans as
 * `true`/`false`, a parameter whose schema is an array as its items joined by commas; percent-encoded, but for those commas. What
 * would widen a list is refused before anything is sent, naming the parameter: a key the operation does not declare (Piriod's filters
 * ignore one they do not know, so a misspelt filter would answer with everything, which a `delete` in a loop would then delete), a
 * blank value (Django's filters strip it and filter nothing), `null`, a value that is no string, finite number, boolean or valid Date
 * (sent as some text nobody meant), a list for a parameter that takes one value, and a query that is no plain object (the entries of
 * `URLSearchParams`, a `Map` or a class instance are no own properties: every filter would go unsent).
 */
export function serializeQuery(query: unknown, where: string, { declared, arrays = [] }: QueryRules = {}): string {
  if (query === undefined) return "";
  const refuse = (issues: ValidationIssue[]) => refusal(where, "the call is refused", issues);
  if (!isPlainObject(query))
    throw refuse([
      { path: "", keyword: "query", message: `the query must be a plain object of parameters, not ${kindOf(query)}` },
    ]);
  const entries = Object.entries(query);
  const isDeclared = (key: string) =>
    declared?.some(
      (name) => name === key || (name.endsWith("*") && key.startsWith(name.slice(0, -1)) && key.length >= name.length),
    ) ?? true;
  const unknown = entries.map(([key]) => key).filter((key) => !isDeclared(key));
  if (unknown.length > 0)
    throw refuse([
      {
        path: "",
        keyword: "query",
        message: `unknown query parameter ${unknown.map((key) => `"${shorten(key)}"`).join(", ")}; the parameters are ${declared?.join(", ")}`,
      },
    ]);
  const issues: ValidationIssue[] = [];
  const parts: string[] = [];
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    const list = Array.isArray(value);
    const items: unknown[] = list ? value : [value];
    const problem =
      list && !arrays.includes(key)
        ? "takes one value, not a list"
        : list && items.length === 0
          ? "is an empty list, which Piriod reads as no filter at all: leave it out instead"
          : items.map(valueProblem).find((found) => found !== undefined);
    if (problem !== undefined)
      issues.push({ path: `/${key}`, keyword: "query", message: `query parameter "${shorten(key)}" ${problem}` });
    else parts.push(`${encodeURIComponent(key)}=${items.map((item) => encodeURIComponent(valueText(item))).join(",")}`);
  }
  if (issues.length > 0) throw refuse(issues);
  return parts.join("&");
}

/** Why a value cannot be sent as one filter, or `undefined` when it can. */
function valueProblem(value: unknown): string | undefined {
  if (value === null) return "is null: leave it out (undefined) to send no filter";
  if (typeof value === "string")
    return value.trim() === "" ? "is blank, which Piriod reads as no filter at all: leave it out instead" : undefined;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `must be a finite number, got ${value}`;
  if (typeof value === "boolean") return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "is an invalid Date" : undefined;
  return `must be a string, a finite number, true or false, or a Date, not ${kindOf(value)}`;
}

/** A value as the query sends it, once `valueProblem` found nothing wrong with it. */
function valueText(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** An object literal, or one made with no prototype: of any realm (an iframe's, a vm context's). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/** `an object`, `a Map`, `a function`: what a value is, as a message says it. */
function kindOf(value: unknown): string {
  const name =
    typeof value === "object" && value !== null ? (Object.getPrototypeOf(value)?.constructor?.name ?? "") : "";
  const kind = typeof value === "object" && name !== "" && name !== "Object" ? name : typeof value;
  return `${/^[aeiouAEIO]/.test(kind) ? "an" : "a"} ${kind}`;
}

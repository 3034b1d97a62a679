import type { ValidationIssue } from "../validator-runtime.js";
import { unescapePointer } from "./drf-errors.js";

/** What Django REST Framework's BooleanField reads as true and as false (a text compared in lower case). */
const TRUE_VALUES = new Set<unknown>(["t", "y", "yes", "true", "on", "1", 1, true]);
const FALSE_VALUES = new Set<unknown>(["f", "n", "no", "false", "off", "0", 0, false]);
/** Python's int() of a text, after IntegerField drops a decimal point followed by zeros only (`"13.0"`). */
const INTEGER_TEXT = /^\s*[+-]?\d+(_\d+)*\s*$/;
/** Python's float() of a text, without its `nan` and `inf`. */
const NUMBER_TEXT = /^\s*[+-]?(\d+(_\d+)*(\.(\d+(_\d+)*)?)?|\.\d+(_\d+)*)(e[+-]?\d+)?\s*$/i;
/** IntegerField refuses a text longer than this before reading it. */
const MAX_STRING_LENGTH = 1000;
const UNREAD = Symbol("not read");

/**
 * The body as Django REST Framework reads it where it is more lenient than the spec's schemas: a
 * field the serializer does not declare is dropped, `"13"` is an integer, `"true"` a boolean and
 * `13` a text, as DRF's fields read them. `issues` are the schema's verdict on `body`; returns the
 * body DRF would validate instead (a copy), or undefined when none of the issues is one DRF lets pass.
 */
export function drfRead(body: unknown, issues: readonly ValidationIssue[]): unknown {
  // JSON's own copy: a field named `__proto__` stays a field.
  const read = JSON.parse(JSON.stringify(body)) as unknown;
  let changed = false;
  for (const issue of issues) {
    if (issue.path === "" || (issue.keyword !== "additionalProperties" && issue.keyword !== "type")) continue;
    const segments = issue.path.slice(1).split("/").map(unescapePointer);
    const key = segments.pop() as string;
    const parent = containerAt(read, segments);
    if (parent === undefined || !Object.hasOwn(parent, key)) continue;
    if (issue.keyword === "additionalProperties") {
      delete parent[key];
      changed = true;
      continue;
    }
    const value = readAs([issue.params?.type].flat() as string[], parent[key]);
    if (value !== UNREAD) {
      parent[key] = value;
      changed = true;
    }
  }
  return changed ? read : undefined;
}

/** `value` as the DRF field of a JSON Schema type reads it, or UNREAD where that field refuses it too. */
function readAs(types: readonly string[], value: unknown): unknown {
  for (const type of types) {
    if (type === "integer" && (typeof value === "string" || typeof value === "number")) {
      const text = String(value);
      if (text.length > MAX_STRING_LENGTH) continue;
      const whole = text.replace(/\.0*\s*$/, "");
      if (INTEGER_TEXT.test(whole)) {
        const number = Number(whole.replace(/_/g, ""));
        if (Number.isSafeInteger(number)) return number;
      }
    }
    if (type === "number" && typeof value === "string" && NUMBER_TEXT.test(value))
      return Number(value.replace(/_/g, ""));
    if (type === "boolean" && (typeof value === "string" || typeof value === "number")) {
      const key = typeof value === "string" ? value.toLowerCase() : value;
      if (TRUE_VALUES.has(key)) return true;
      if (FALSE_VALUES.has(key)) return false;
    }
    // CharField takes a number as its text (`str(13)`), but not a boolean.
    if (type === "string" && typeof value === "number" && Number.isFinite(value)) return String(value);
  }
  return UNREAD;
}

function containerAt(body: unknown, segments: readonly string[]): Record<string, unknown> | undefined {
  let node = body;
  for (const segment of segments) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node !== null && typeof node === "object" ? (node as Record<string, unknown>) : undefined;
}

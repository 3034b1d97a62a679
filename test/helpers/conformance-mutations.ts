import type { ExpectedIssue } from "./conformance-corpus.ts";
import {
  childPointer,
  codePoints,
  hasAllowedType,
  type JsonSchema,
  pointerTokens,
  resolve,
  typesOf,
} from "./conformance-schemas.ts";
import { defined } from "./defined.ts";

/** One way to break a valid payload at one place, and the issue that must then be reported. */
export interface Mutation {
  what: string;
  apply(payload: unknown, choice: number): unknown;
  expected: ExpectedIssue;
}

// One value of each JSON type: a swap picks one the schema does not allow.
const SAMPLES: unknown[] = ["swapped", 7, 7.5, true, null, [], { swapped: true }];
/** How many different `choice`s a mutation tells apart (the larger of its sample and padding lists). */
export const MUTATION_CHOICES = SAMPLES.length;
const PADDING = ["x", "ñ", "🧾"];
// Not a valid value of the format in any reading of its RFC: spaces are allowed in none of them.
const BROKEN_FORMATS: Record<string, string> = {
  email: "not an email",
  uri: "not a uri",
  "date-time": "not a date-time",
};

/** Every mutation that makes `payload` (valid by `schema`) invalid, each with the issue it causes. */
export function mutationsOf(payload: unknown, schema: JsonSchema, pointer = ""): Mutation[] {
  const resolved = resolve(schema);
  const { enum: allowed, maxLength, format, items } = resolved;
  const found: Mutation[] = [];
  const at = (expected: string, keyword: string) => ({ path: expected, keyword });
  if (typesOf(resolved).length > 0) {
    const wrong = SAMPLES.filter((sample) => !hasAllowedType(resolved, sample));
    found.push({
      what: `swap the type at ${pointer || "the body"}`,
      apply: (root, choice) => replaceAt(root, pointer, wrong[choice % wrong.length]),
      expected: at(pointer, "type"),
    });
  }
  if (allowed && typeof payload === "string") {
    found.push({
      what: `step outside the enum at ${pointer}`,
      apply: (root) => replaceAt(root, pointer, outsideEnum(allowed)),
      expected: at(pointer, "enum"),
    });
  }
  if (typeof payload === "string" && maxLength !== undefined) {
    const missing = maxLength + 1 - codePoints(payload);
    found.push({
      what: `overflow the string at ${pointer}`,
      apply: (root, choice) => {
        const padding = defined(PADDING[choice % PADDING.length], "a padding character");
        return replaceAt(root, pointer, missing > 0 ? payload + padding.repeat(missing) : payload);
      },
      expected: at(pointer, "maxLength"),
    });
  }
  const broken = format === undefined ? undefined : BROKEN_FORMATS[format];
  if (typeof payload === "string" && broken) {
    found.push({
      what: `break the ${format} at ${pointer}`,
      apply: (root) => replaceAt(root, pointer, broken),
      expected: at(pointer, "format"),
    });
  }
  if (isPlainObject(payload)) found.push(...objectMutations(payload, resolved, pointer));
  if (Array.isArray(payload) && items) {
    for (const [index, item] of payload.entries()) {
      found.push(...mutationsOf(item, items, childPointer(pointer, index)));
    }
  }
  return found;
}

function objectMutations(payload: Record<string, unknown>, schema: JsonSchema, pointer: string): Mutation[] {
  const found: Mutation[] = [];
  const properties = schema.properties ?? {};
  for (const name of (schema.required ?? []).filter((name) => Object.hasOwn(payload, name))) {
    const target = childPointer(pointer, name);
    found.push({
      what: `drop the required ${target}`,
      apply: (root) => replaceAt(root, target, undefined),
      expected: { path: target, keyword: "required" },
    });
  }
  if (schema.additionalProperties === false) {
    let name = "unknown_field";
    while (Object.hasOwn(properties, name)) name += "_";
    const target = childPointer(pointer, name);
    found.push({
      what: `add ${target} to a closed object`,
      apply: (root, choice) => replaceAt(root, target, SAMPLES[choice % SAMPLES.length]),
      expected: { path: target, keyword: "additionalProperties" },
    });
  }
  for (const [name, value] of Object.entries(payload)) {
    const property =
      properties[name] ?? (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined);
    if (property) found.push(...mutationsOf(value, property, childPointer(pointer, name)));
  }
  return found;
}

function outsideEnum(allowed: unknown[]): string {
  let value = "outside-the-enum";
  while (allowed.includes(value)) value += "!";
  return value;
}

/** A copy of `root` with the value at `pointer` replaced (or removed, for `undefined`). */
function replaceAt(root: unknown, pointer: string, value: unknown): unknown {
  const tokens = pointerTokens(pointer);
  const last = tokens.pop();
  if (last === undefined) return value;
  const copy = structuredClone(root);
  let parent = copy as Record<string, unknown>;
  for (const token of tokens) parent = parent[token] as Record<string, unknown>;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

import { isDeepStrictEqual } from "node:util";
import type { CorpusCase } from "./conformance-corpus.ts";
import {
  childPointer,
  codePoints,
  componentSchema,
  type JsonSchema,
  jsonTypeOf,
  pointerTokens,
  resolve,
  sameSchemas,
  schemaUses,
  typesOf,
  valueAt,
} from "./conformance-schemas.ts";
import { defined } from "./defined.ts";

/** A place in a schema's instances: the root (`""`), a property, or the first item of an array (`/0`). */
interface Location {
  pointer: string;
  schema: JsonSchema;
  /** Whether the parent object lists it as required. */
  required: boolean;
  depth: number;
}

function locations(schema: JsonSchema, pointer = "", depth = 0, required = false, found: Location[] = []): Location[] {
  // Deeper than any real payload: a schema that refers to itself would otherwise never end.
  if (depth > 8) return found;
  const resolved = resolve(schema);
  found.push({ pointer, schema: resolved, required, depth });
  for (const [name, property] of Object.entries(resolved.properties ?? {})) {
    locations(property, childPointer(pointer, name), depth + 1, resolved.required?.includes(name) ?? false, found);
  }
  if (resolved.items) locations(resolved.items, childPointer(pointer, 0), depth + 1, false, found);
  return found;
}

/** Whether the payload has the property at `pointer` (escaped tokens hold no "/", so the parent is what precedes the last one). */
const present = (entry: CorpusCase, pointer: string) => {
  const parent = valueAt(entry.payload, pointer.slice(0, pointer.lastIndexOf("/")));
  const name = defined(pointerTokens(pointer).at(-1), `a property at "${pointer}"`);
  return parent !== null && typeof parent === "object" && Object.hasOwn(parent, name);
};

/**
 * What the corpus must hold for a schema, derived from the schema itself so that a new field or
 * constraint in the spec is a gap until the corpus covers it. Returns one line per gap.
 */
export function coverageGaps(schemaName: string, corpus: CorpusCase[]): string[] {
  const cases = corpus.filter((entry) => sameSchemas(schemaName).includes(entry.schema));
  const gaps: string[] = [];
  const need = (covered: boolean, gap: string) => {
    if (!covered) gaps.push(gap);
  };
  const accepts = (test: (entry: CorpusCase) => boolean) => cases.some((entry) => entry.valid && test(entry));
  const refuses = (
    pointer: string,
    keyword: string,
    test: (value: unknown, entry: CorpusCase) => boolean = () => true,
  ) =>
    cases.some(
      (entry) =>
        !entry.valid &&
        entry.errors.some((error) => error.path === pointer && error.keyword === keyword) &&
        test(valueAt(entry.payload, pointer), entry),
    );

  for (const { pointer, schema, required, depth } of locations(componentSchema(schemaName))) {
    const at = pointer || "the body";
    const types = typesOf(schema);
    if (pointer !== "") {
      need(
        accepts((entry) => present(entry, pointer)),
        `${at}: no valid case sets it`,
      );
      need(refuses(pointer, "type"), `${at}: no case gives it a wrong type`);
    }
    if (types.includes("integer")) {
      need(
        refuses(pointer, "type", (value) => typeof value === "number" && !Number.isInteger(value)),
        `${at}: no case gives the integer a float`,
      );
      need(
        refuses(pointer, "type", (value) => typeof value === "string"),
        `${at}: no case gives the integer a string`,
      );
    }
    if (types.includes("boolean"))
      need(
        refuses(pointer, "type", (value) => typeof value === "string"),
        `${at}: no case gives the boolean a string`,
      );
    if (types.includes("object") && pointer !== "")
      need(refuses(pointer, "type", Array.isArray), `${at}: no case gives the object an array`);
    if (types.includes("null"))
      need(
        accepts((entry) => valueAt(entry.payload, pointer) === null),
        `${at}: no valid case sets it to null`,
      );
    else if (depth === 1)
      need(
        refuses(pointer, "type", (value) => value === null),
        `${at}: no case sets it to null though it is not nullable`,
      );
    const { maxLength } = schema;
    if (maxLength !== undefined) {
      const length = (value: unknown) => (typeof value === "string" ? codePoints(value) : -1);
      need(
        accepts((entry) => length(valueAt(entry.payload, pointer)) === maxLength),
        `${at}: no valid case at exactly ${maxLength} code points`,
      );
      need(
        refuses(pointer, "maxLength", (value) => length(value) === maxLength + 1),
        `${at}: no case at ${maxLength + 1} code points`,
      );
    }
    if (schema.format !== undefined) {
      need(
        accepts((entry) => typeof valueAt(entry.payload, pointer) === "string"),
        `${at}: no valid ${schema.format}`,
      );
      need(refuses(pointer, "format"), `${at}: no invalid ${schema.format}`);
    }
    if (schema.enum) need(refuses(pointer, "enum"), `${at}: no value outside the enum`);
    if (required)
      need(
        refuses(pointer, "required", (_value, entry) => !present(entry, pointer)),
        `${at}: no case leaves out this required field`,
      );
    if (types.includes("object")) gaps.push(...objectGaps(pointer, schema, cases));
  }
  gaps.push(...bodyGaps(schemaName, cases, refuses));
  return gaps;
}

function objectGaps(pointer: string, schema: JsonSchema, cases: CorpusCase[]): string[] {
  const known = Object.keys(schema.properties ?? {});
  const unknownKeyIn = (value: unknown) =>
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    Object.keys(value).some((key) => !known.includes(key));
  const at = pointer || "the body";
  if (schema.additionalProperties === false) {
    const refused = cases.some(
      (entry) =>
        !entry.valid &&
        entry.errors.some(
          (error) =>
            error.keyword === "additionalProperties" &&
            error.path.startsWith(`${pointer}/`) &&
            !known.includes(defined(pointerTokens(error.path).at(-1), `a property at "${error.path}"`)),
        ),
    );
    return refused ? [] : [`${at}: no case adds an unknown field to this closed object`];
  }
  return cases.some((entry) => entry.valid && unknownKeyIn(valueAt(entry.payload, pointer)))
    ? []
    : [`${at}: no valid case has an unknown field in this open object`];
}

function bodyGaps(
  schemaName: string,
  cases: CorpusCase[],
  refuses: (pointer: string, keyword: string, test?: (value: unknown) => boolean) => boolean,
): string[] {
  const gaps: string[] = [];
  const root = resolve(componentSchema(schemaName));
  for (const type of ["null", "array", "string", "number", "boolean", "object"].filter(
    (type) => !typesOf(root).includes(type),
  )) {
    const sameType = (value: unknown) => jsonTypeOf(value).replace("integer", "number") === type;
    if (!refuses("", "type", sameType)) gaps.push(`the body: no case sends a ${type} body`);
  }
  const required = (root.required ?? []).map((name) => childPointer("", name)).sort();
  const empty = cases.some(
    (entry) =>
      isDeepStrictEqual(entry.payload, {}) &&
      isDeepStrictEqual(entry.errors.map((error) => error.path).sort(), required),
  );
  if (required.length > 0 && !empty) gaps.push("the body: no case sends {} and expects every required field reported");
  // Each response the body is answered with, once: a body of two operations (create, update) is often answered with one schema.
  const answers = new Set(
    schemaUses().flatMap((use) =>
      use.role === "request" && sameSchemas(schemaName).includes(use.schema) && use.answeredWith
        ? [use.answeredWith]
        : [],
    ),
  );
  for (const answer of answers) {
    const response = resolve(componentSchema(answer));
    for (const [name, property] of Object.entries(response.properties ?? {})) {
      if (property.readOnly && !refuses(childPointer("", name), "additionalProperties"))
        gaps.push(`/${name}: no case sends this read-only field of ${answer}`);
    }
  }
  return gaps;
}

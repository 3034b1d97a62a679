import fc from "fast-check";
import { ANNOTATIONS, codePoints, type JsonSchema, resolve, typesOf } from "./conformance-schemas.ts";

const CONSTRAINTS = new Set([
  "$ref",
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "maxLength",
  "minLength",
  "format",
  "enum",
]);
// Past this depth objects get only their required properties and arrays stay empty, so a schema
// that refers to itself still yields finite values.
const MAX_DEPTH = 4;

/**
 * Values valid by `schema`, built from its keywords alone. A keyword or format this builder does
 * not know fails loudly: generating values that ignore a constraint would make the oracle compare
 * payloads neither side was meant to accept.
 */
export function validValues(schema: JsonSchema, where: string, depth = 0): fc.Arbitrary<unknown> {
  // `x-` extensions speak to the generator and the fake, not to a value's validity.
  const unknown = Object.keys(schema).filter(
    (keyword) => !ANNOTATIONS.has(keyword) && !CONSTRAINTS.has(keyword) && !keyword.startsWith("x-"),
  );
  if (unknown.length > 0)
    throw new Error(
      `${where}: no arbitrary for keyword "${unknown[0]}"; teach test/helpers/conformance-arbitraries.ts`,
    );
  if (schema.$ref !== undefined) return validValues(resolve(schema), schema.$ref, depth);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const types = typesOf(schema);
  if (types.length === 0) return fc.jsonValue();
  return fc.oneof(...types.map((type) => valuesOfType(type, schema, where, depth)));
}

function valuesOfType(type: string, schema: JsonSchema, where: string, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer":
      return fc.oneof(fc.integer(), fc.maxSafeInteger());
    case "number":
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case "string":
      return strings(schema, where);
    case "array": {
      const items = schema.items ? validValues(schema.items, `${where}/items`, depth + 1) : fc.jsonValue();
      return fc.array(items, { maxLength: depth >= MAX_DEPTH ? 0 : 3 });
    }
    case "object":
      return objects(schema, where, depth);
    default:
      throw new Error(`${where}: no arbitrary for type "${type}"`);
  }
}

function strings(schema: JsonSchema, where: string): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength;
  if (schema.format !== undefined) {
    const formatted = FORMATS[schema.format];
    if (!formatted) throw new Error(`${where}: no arbitrary for format "${schema.format}"`);
    return formatted().filter(
      (text) => codePoints(text) >= minLength && (maxLength === undefined || codePoints(text) <= maxLength),
    );
  }
  // Any code point but lone surrogates, so lengths in code points and UTF-16 units differ often.
  const anyText = fc.string({ unit: "binary", minLength, maxLength: maxLength ?? 40 });
  if (maxLength === undefined) return anyText;
  // Half the strings sit exactly at the limit, where counting code points matters.
  return fc.oneof(anyText, fc.string({ unit: "binary", minLength: maxLength, maxLength }));
}

const pad = (width: number) => (value: number) => String(value).padStart(width, "0");

/** RFC 3339 date-times in every shape the grammar allows: T or t, fractions, Z, z or an offset. */
function dateTimes(): fc.Arbitrary<string> {
  const instant = fc.date({
    min: new Date("0001-01-01T00:00:00Z"),
    max: new Date("9999-12-31T23:59:59Z"),
    noInvalidDate: true,
  });
  const fraction = fc.option(fc.stringMatching(/^\.\d{1,9}$/), { nil: "" });
  const offset = fc.oneof(
    fc.constantFrom("Z", "z"),
    fc
      .tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([sign, hours, minutes]) => `${sign}${pad(2)(hours)}:${pad(2)(minutes)}`),
  );
  return fc
    .tuple(instant, fc.constantFrom("T", "t"), fraction, offset)
    .map(([date, separator, fractionText, offsetText]) => {
      const [day, time] = date.toISOString().slice(0, 19).split("T");
      return `${day}${separator}${time}${fractionText}${offsetText}`;
    });
}

function mailto(address: string): string {
  const at = address.lastIndexOf("@");
  return `mailto:${encodeURIComponent(address.slice(0, at))}@${address.slice(at + 1)}`;
}

const FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  email: () => fc.emailAddress(),
  // An address's local part may hold characters a URI must percent-encode ("{", "?", …).
  uri: () => fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.emailAddress().map(mailto)),
  "date-time": dateTimes,
};

function objects(schema: JsonSchema, where: string, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {});
  const required = schema.required ?? [];
  const kept = depth >= MAX_DEPTH ? properties.filter(([name]) => required.includes(name)) : properties;
  const model = Object.fromEntries(
    kept.map(([name, property]) => [name, validValues(property, `${where}/properties/${name}`, depth + 1)]),
  );
  // A required name the schema does not describe may hold anything.
  for (const name of required.filter((name) => !Object.hasOwn(model, name)))
    model[name] = fc.jsonValue({ maxDepth: 2 });
  const known = fc.record(model, { requiredKeys: required, noNullPrototype: true });
  if (schema.additionalProperties === false || depth >= MAX_DEPTH) return known;
  const extraValue =
    typeof schema.additionalProperties === "object"
      ? validValues(schema.additionalProperties, `${where}/additionalProperties`, depth + 1)
      : fc.jsonValue({ maxDepth: 2 });
  const extraKey = fc.string().filter((key) => !Object.hasOwn(schema.properties ?? {}, key));
  const extras = fc.dictionary(extraKey, extraValue, { maxKeys: 3, noNullPrototype: true });
  return fc.tuple(known, extras).map(([values, extra]) => ({ ...extra, ...values }));
}

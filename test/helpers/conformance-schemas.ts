import { componentOf } from "../../scripts/lib/spec-document.ts";
import { specOperations, successResponse } from "./operations-of-spec.ts";
import { bundledSpec } from "./spec-examples.ts";

export { childPointer, pointerTokens, valueAt } from "./json-pointer.ts";

/** The subset of JSON Schema 2020-12 this project's component schemas are written in. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  maxLength?: number;
  minLength?: number;
  format?: string;
  enum?: unknown[];
  readOnly?: boolean;
  [annotation: string]: unknown;
}

/** Keywords that say nothing about which values are valid. */
export const ANNOTATIONS = new Set([
  "title",
  "description",
  "examples",
  "example",
  "default",
  "readOnly",
  "writeOnly",
  "deprecated",
  "$comment",
]);

/** A component schema of the bundled spec, by name; throws naming the known ones. */
export function componentSchema(name: string): JsonSchema {
  const schemas = bundledSpec.components.schemas as Record<string, JsonSchema>;
  const schema = schemas[name];
  if (!schema) throw new Error(`the spec has no schema "${name}" (it has ${Object.keys(schemas).join(", ")})`);
  return schema;
}

/** The component schema a `$ref` names, when it is `#/components/schemas/<Name>`. */
function referencedSchema(ref: string | undefined): string | undefined {
  const component = componentOf(ref);
  return component?.kind === "schemas" ? component.name : undefined;
}

/** Follows `$ref`s to component schemas until a schema with constraints of its own. */
export function resolve(schema: JsonSchema): JsonSchema {
  if (schema.$ref === undefined) return schema;
  const name = referencedSchema(schema.$ref);
  if (name === undefined)
    throw new Error(`unsupported $ref "${schema.$ref}": only #/components/schemas/<Name> is followed`);
  return resolve(componentSchema(name));
}

/** The component a schema names when it is nothing but a `$ref` to one (annotations aside). */
function aliasTarget(schema: JsonSchema): string | undefined {
  const constraints = Object.keys(schema).filter((keyword) => keyword !== "$ref" && !ANNOTATIONS.has(keyword));
  return constraints.length === 0 ? referencedSchema(schema.$ref) : undefined;
}

/**
 * Every component schema that is the same schema as `name`: itself, the one it is an alias of
 * (a component that is only a `$ref`, as `CustomerUpdate` is of `CustomerWrite`), and that one's
 * other aliases. They validate the same values, so a corpus case of one is a case of them all.
 */
export function sameSchemas(name: string): string[] {
  const canonical = (schema: string): string => {
    const target = aliasTarget(componentSchema(schema));
    return target === undefined ? schema : canonical(target);
  };
  const root = canonical(name);
  return Object.keys(bundledSpec.components.schemas).filter((schema) => canonical(schema) === root);
}

/** The JSON types a schema allows, `[]` when it sets none. */
export function typesOf(schema: JsonSchema): string[] {
  return ([] as string[]).concat(schema.type ?? []);
}

/** The JSON type of a value as JSON Schema names it ("integer" for whole numbers). */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Whether `value`'s JSON type is one the schema allows (an integer is also a number). */
export function hasAllowedType(schema: JsonSchema, value: unknown): boolean {
  const types = typesOf(schema);
  const type = jsonTypeOf(value);
  return types.length === 0 || types.includes(type) || (type === "integer" && types.includes("number"));
}

/** String length as JSON Schema counts it: in Unicode code points, not UTF-16 units. */
export function codePoints(text: string): number {
  return [...text].length;
}

/** How an operation uses a schema: as the JSON body it takes, or the JSON 2xx body it returns. */
export interface SchemaUse {
  method: string;
  path: string;
  role: "request" | "response";
  schema: string;
  /** For a request body: the same operation's 2xx status and the schema it names, if any. */
  answeredWith?: string;
  answeredStatus?: number;
}

/** Every use of a component schema as an operation's JSON request body or 2xx response. */
export function schemaUses(): SchemaUse[] {
  return specOperations().flatMap((operation): SchemaUse[] => {
    const { method, path } = operation;
    const success = successResponse(operation);
    const answeredWith = success?.schema;
    const request = operation.requestBody?.schema;
    return [
      ...(request
        ? [
            {
              method,
              path,
              role: "request" as const,
              schema: request,
              ...(success && answeredWith && { answeredWith, answeredStatus: Number(success.status) }),
            },
          ]
        : []),
      ...(answeredWith ? [{ method, path, role: "response" as const, schema: answeredWith }] : []),
    ];
  });
}

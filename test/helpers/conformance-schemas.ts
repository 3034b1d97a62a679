import { bundledSpec } from "./spec-examples.ts";

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

const COMPONENT_REF = /^#\/components\/schemas\/([^/]+)$/;
const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** A component schema of the bundled spec, by name; throws naming the known ones. */
export function componentSchema(name: string): JsonSchema {
  const schemas = bundledSpec.components.schemas as Record<string, JsonSchema>;
  const schema = schemas[name];
  if (!schema) throw new Error(`the spec has no schema "${name}" (it has ${Object.keys(schemas).join(", ")})`);
  return schema;
}

/** Follows `$ref`s to component schemas until a schema with constraints of its own. */
export function resolve(schema: JsonSchema): JsonSchema {
  if (schema.$ref === undefined) return schema;
  const match = schema.$ref.match(COMPONENT_REF);
  if (!match) throw new Error(`unsupported $ref "${schema.$ref}": only #/components/schemas/<Name> is followed`);
  return resolve(componentSchema(decodeURIComponent(match[1]!)));
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

const escapeToken = (token: string) => token.replace(/~/g, "~0").replace(/\//g, "~1");
const unescapeToken = (token: string) => token.replace(/~1/g, "/").replace(/~0/g, "~");

/** `pointer` extended by one reference token, escaped as RFC 6901 says. */
export function childPointer(pointer: string, token: string | number): string {
  return `${pointer}/${escapeToken(String(token))}`;
}

/** The reference tokens of a JSON Pointer, unescaped (`""` has none). */
export function pointerTokens(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map(unescapeToken);
}

/** The value a JSON Pointer points at, or `undefined` where the document has nothing. */
export function valueAt(document: unknown, pointer: string): unknown {
  let node = document;
  for (const token of pointerTokens(pointer)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
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
  const uses: SchemaUse[] = [];
  for (const [path, pathItem] of Object.entries(bundledSpec.paths as Record<string, Record<string, any>>)) {
    for (const method of HTTP_METHODS.filter((name) => pathItem[name])) {
      const operation = pathItem[method];
      const success = Object.entries(operation.responses ?? {}).find(([status]) => /^2\d\d$/.test(status));
      const answeredWith = success && jsonSchemaName(resolveResponse(success[1]));
      const request = jsonSchemaName(operation.requestBody);
      if (request) uses.push({ method, path, role: "request", schema: request, ...(answeredWith && { answeredWith, answeredStatus: Number(success![0]) }) });
      if (answeredWith) uses.push({ method, path, role: "response", schema: answeredWith });
    }
  }
  return uses;
}

function resolveResponse(response: any): any {
  const name = response?.$ref?.match(/^#\/components\/responses\/([^/]+)$/)?.[1];
  return name ? bundledSpec.components.responses[decodeURIComponent(name)] : response;
}

function jsonSchemaName(body: any): string | undefined {
  const match = body?.content?.["application/json"]?.schema?.$ref?.match(COMPONENT_REF);
  return match ? decodeURIComponent(match[1]) : undefined;
}

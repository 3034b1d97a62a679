import { createRequire } from "node:module";
import type { Operation } from "../operation.js";

/** A JSON Schema as the spec writes it. */
export type JsonSchema = { [keyword: string]: unknown };

/** A parameter of an operation, its `$ref` resolved. */
export interface SpecParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
  example?: unknown;
  /** A query object sent as one parameter per key, each name with this prefix (`metadata__`). */
  "x-piriod-query-prefix"?: string;
}

/** What the tools read of an operation of the spec. */
export interface SpecOperation {
  "x-piriod-method"?: string;
  summary?: string;
  description?: string;
  /** The path's parameters and the operation's own, the operation's winning where both name one. */
  parameters: SpecParameter[];
  body?: { required: boolean; description?: string; schema: JsonSchema };
}

export interface Document {
  paths: Record<string, Record<string, unknown>>;
}

/**
 * The bundled spec, as the package ships it beside the client (dist/generated/openapi.json), read where this module is:
 * src/mcp/ in the repository, dist/src/mcp/ in the package. An import of it would be bundled into the bin, a second copy.
 */
export const spec = createRequire(import.meta.url)("../../generated/openapi.json") as Document;

/** The spec's operation that `operation` of the table sends: the same path and method. */
export function specOperation(operation: Operation, document: Document = spec): SpecOperation {
  const item = document.paths[operation.path] as { parameters?: unknown[]; [method: string]: unknown } | undefined;
  const found = item?.[operation.method.toLowerCase()] as
    | (Omit<SpecOperation, "parameters" | "body"> & { parameters?: unknown[]; requestBody?: unknown })
    | undefined;
  if (item === undefined || found === undefined)
    throw new Error(`the spec has no ${operation.method} ${operation.path}, which the operation table names`);
  const byPlace = new Map<string, SpecParameter>();
  for (const parameter of [...(item.parameters ?? []), ...(found.parameters ?? [])]) {
    const resolved = dereferenced(parameter, document) as SpecParameter;
    byPlace.set(`${resolved.in} ${resolved.name}`, resolved);
  }
  const requestBody =
    found.requestBody === undefined
      ? undefined
      : (dereferenced(found.requestBody, document) as Record<string, unknown>);
  const content = (requestBody?.content as Record<string, { schema?: JsonSchema }> | undefined)?.["application/json"];
  return {
    "x-piriod-method": found["x-piriod-method"],
    summary: found.summary,
    description: found.description,
    parameters: [...byPlace.values()],
    body:
      content?.schema === undefined
        ? undefined
        : {
            required: requestBody?.required === true,
            description: requestBody?.description as string | undefined,
            schema: inlineSchema(content.schema, document),
          },
  };
}

/**
 * A schema with every `$ref` replaced by what it points at, and without the spec's own extensions (`x-piriod-…`, read by the generator,
 * of no use to an agent): a tool's input schema stands alone. A schema that contains itself stops at the repetition, which accepts
 * anything there; the client still checks the whole body against the spec before sending it.
 */
export function inlineSchema(schema: unknown, document: Document = spec, within: readonly string[] = []): JsonSchema {
  const visit = (value: unknown, path: readonly string[]): unknown => {
    if (Array.isArray(value)) return value.map((item) => visit(item, path));
    if (typeof value !== "object" || value === null) return value;
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === "string") return path.includes(ref) ? {} : visit(dereferenced(value, document), [...path, ref]);
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !key.startsWith("x-"))
        .map(([key, inner]) => [key, visit(inner, path)]),
    );
  };
  return visit(schema, within) as JsonSchema;
}

/** `value`, or what its `$ref` (a pointer into the document, `#/components/schemas/Customer`) points at. */
function dereferenced(value: unknown, document: Document): unknown {
  const ref = (value as { $ref?: unknown } | null)?.$ref;
  if (typeof ref !== "string") return value;
  if (!ref.startsWith("#/")) throw new Error(`the spec refers to ${ref}, outside the bundled document`);
  let target: unknown = document;
  for (const token of ref.slice(2).split("/")) {
    const key = decodeURIComponent(token).replace(/~1/g, "/").replace(/~0/g, "~");
    target = (target as Record<string, unknown> | null)?.[key];
  }
  if (target === undefined) throw new Error(`the spec refers to ${ref}, which it does not hold`);
  return dereferenced(target, document);
}

import type { OpenApiDocument } from "../bundle-spec.ts";
import { PipelineError } from "./pipeline-error.ts";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const COMPONENT_REF = /^#\/components\/(\w+)\/([^/]+)$/;

/** A schema, a parameter or a body as the bundled spec writes it: JSON whose shape its lint checks. */
// biome-ignore lint/suspicious/noExplicitAny: the bundled spec is walked as the JSON Redocly checked, not yet as openapi-typescript's types.
export type SpecNode = any;

/** One operation of the bundled spec, its `$ref`s to components followed. */
export interface BundledOperation {
  /** Upper-case (`PATCH`). */
  method: string;
  path: string;
  /** `PATCH /customers/{id}/`, as messages name it. */
  where: string;
  operation: SpecNode;
  /** The path item's parameters and the operation's own, the operation's winning on the same name and place. */
  parameters: SpecNode[];
  /** The component schema its JSON request body names, if it takes one. */
  requestSchema?: string;
  /** Its first 2xx status, and the component schema that response's JSON body names, if any. */
  success: { status: number; schema?: string };
}

/** Follows a `$ref` to a component (schema, parameter, response …) of the same document. */
export function deref(document: OpenApiDocument, node: SpecNode): SpecNode {
  const match = node?.$ref?.match(COMPONENT_REF);
  return match ? deref(document, (document.components as SpecNode)[match[1]]?.[decodeURIComponent(match[2])]) : node;
}

/** The name of the component schema `node` refers to (`#/components/schemas/Customer` → `Customer`). */
export function schemaName(node: SpecNode): string | undefined {
  const match = node?.$ref?.match(COMPONENT_REF);
  return match?.[1] === "schemas" ? decodeURIComponent(match[2]) : undefined;
}

/** Every operation of the document, in the order of its paths and of HTTP_METHODS. */
export function bundledOperations(document: OpenApiDocument): BundledOperation[] {
  const found: BundledOperation[] = [];
  for (const [path, pathItem] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as SpecNode;
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const parameters = new Map<string, SpecNode>();
      for (const node of [...((pathItem.parameters as SpecNode[]) ?? []), ...(operation.parameters ?? [])]) {
        const parameter = deref(document, node);
        parameters.set(`${parameter.in}:${parameter.name}`, parameter);
      }
      const [status, response] = Object.entries(operation.responses ?? {}).find(([code]) => /^2\d\d$/.test(code)) ?? [];
      if (status === undefined) throw new PipelineError(`operations: ${where} declares no 2xx response`);
      found.push({
        method: method.toUpperCase(),
        path,
        where,
        operation,
        parameters: [...parameters.values()],
        requestSchema: jsonSchemaOf(document, operation.requestBody, `${where} request body`),
        success: { status: Number(status), schema: jsonSchemaOf(document, response, `${where} ${status} response`) },
      });
    }
  }
  return found;
}

function jsonSchemaOf(document: OpenApiDocument, body: SpecNode, where: string): string | undefined {
  const schema = deref(document, body)?.content?.["application/json"]?.schema;
  if (!schema) return undefined;
  const name = schemaName(schema);
  // Validators and types are named after the schema, so a JSON body must name one.
  if (name === undefined)
    throw new PipelineError(`operations: the ${where} must $ref a schema under components/schemas`);
  return name;
}

/**
 * The fields of request schema `request` that send the id of an object which response schema
 * `response` answers with in full, as the request declares them (`country: { type: string,
 * x-piriod-id-of: Country }` beside `Customer.country: { $ref: Country }`): field → that schema.
 * The converters send back the object's id, and the fake answers the id with the object.
 */
export function idFields(
  document: OpenApiDocument,
  request: string,
  response: string,
  where: string,
): Record<string, string> {
  const sent = deref(document, { $ref: `#/components/schemas/${request}` });
  const answered = deref(document, { $ref: `#/components/schemas/${response}` });
  const fields: Record<string, string> = {};
  for (const [field, schema] of Object.entries<SpecNode>(sent.properties ?? {})) {
    const related: unknown = schema["x-piriod-id-of"];
    if (related === undefined) continue;
    const rule = `${request}.${field} declares x-piriod-id-of: ${String(related)}`;
    if (typeof related !== "string" || document.components.schemas[related] === undefined) {
      throw new PipelineError(`${where}: ${rule}, which is not a schema under components/schemas`);
    }
    if (schemaName(answered.properties?.[field]) !== related) {
      throw new PipelineError(`${where}: ${rule}, but ${response}.${field} is not a $ref to ${related}`);
    }
    const idType = deref(document, deref(document, { $ref: `#/components/schemas/${related}` }).properties?.id)?.type;
    if (idType === undefined || idType !== deref(document, schema).type) {
      throw new PipelineError(
        `${where}: ${rule}, but ${related}.id is not of ${request}.${field}'s type (${JSON.stringify(deref(document, schema).type)})`,
      );
    }
    fields[field] = related;
  }
  return fields;
}

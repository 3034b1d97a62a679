import type { OpenApiDocument } from "../bundle-spec.ts";
import { PipelineError } from "./pipeline-error.ts";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;
const RESPONSE_REF = /^#\/components\/responses\/([^/]+)$/;

interface MediaTypes {
  content?: Record<string, { schema?: { $ref?: string } }>;
}
interface Operation {
  requestBody?: MediaTypes;
  responses?: Record<string, MediaTypes & { $ref?: string }>;
}

/**
 * The component schemas that get a validator: every schema an operation sends as its JSON
 * request body or receives as a JSON 2xx response, in the order the spec first uses them.
 * A new operation therefore brings its validators with it, with no list to keep.
 */
export function validatedSchemaNames(document: OpenApiDocument): string[] {
  const names = new Set<string>();
  for (const [path, pathItem] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as Operation | undefined;
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      addSchemaOf(names, operation.requestBody, `${where} request body`);
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^2\d\d$/.test(status)) continue;
        addSchemaOf(names, resolveResponse(document, response), `${where} ${status} response`);
      }
    }
  }
  return [...names];
}

function resolveResponse(document: OpenApiDocument, response: MediaTypes & { $ref?: string }): MediaTypes {
  const match = response.$ref?.match(RESPONSE_REF);
  if (!match) return response;
  return (document.components.responses as Record<string, MediaTypes>)[decodeURIComponent(match[1]!)] ?? {};
}

function addSchemaOf(names: Set<string>, body: MediaTypes | undefined, where: string): void {
  const schema = body?.content?.["application/json"]?.schema;
  if (!schema) return;
  const match = schema.$ref?.match(SCHEMA_REF);
  // A validator is named after its schema, so a body must name one.
  if (!match) throw new PipelineError(`validators: the ${where} must $ref a schema under components/schemas`);
  names.add(decodeURIComponent(match[1]!));
}

/** `CustomerUpdate` → `customer-update`, the file name of its validator module. */
export function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

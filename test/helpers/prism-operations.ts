import { bundledSpec } from "./spec-examples.ts";
import type { SchemaUse } from "./conformance-schemas.ts";

/** The spec's own key for any apiKey scheme: a mock checks presence, Piriod the `Token …` form. */
export const API_TOKEN = "Token sk_test_conformance";

export interface OperationCall {
  method: string;
  /** The path with every path parameter filled in from its example. */
  path: string;
  /** Every required header (from its example), the API key, and the JSON content type. */
  headers: Record<string, string>;
}

const deref = (node: any): any => {
  const match = node?.$ref?.match(/^#\/components\/(\w+)\/([^/]+)$/);
  return match ? deref(bundledSpec.components[match[1]][decodeURIComponent(match[2])]) : node;
};

/** A request to the operation that uses a schema, valid in all but its body. */
export function operationCall(use: SchemaUse): OperationCall {
  const pathItem = bundledSpec.paths[use.path];
  const operation = pathItem[use.method];
  const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map(deref);
  let filled = use.path;
  const headers: Record<string, string> = { "content-type": "application/json" };
  for (const parameter of parameters) {
    if (parameter.in === "path") filled = filled.replace(`{${parameter.name}}`, encodeURIComponent(String(parameter.example)));
    if (parameter.in === "header" && parameter.required) headers[parameter.name.toLowerCase()] = String(parameter.example);
  }
  for (const requirement of operation.security ?? bundledSpec.security ?? []) {
    for (const name of Object.keys(requirement)) {
      const scheme = deref(bundledSpec.components.securitySchemes[name]);
      if (scheme.type === "apiKey" && scheme.in === "header") headers[scheme.name.toLowerCase()] = API_TOKEN;
    }
  }
  return { method: use.method.toUpperCase(), path: filled, headers };
}

/** What the spec documents for one status of the operation: its example bodies and its schema. */
export function documentedResponse(use: SchemaUse, status: string): { examples: unknown[]; schemaPointer: string } | undefined {
  const response = deref(bundledSpec.paths[use.path][use.method].responses[status]);
  const media = response?.content?.["application/json"];
  if (!media) return undefined;
  const examples = Object.values(media.examples ?? {}).map((example: any) => deref(example).value);
  if (media.example !== undefined) examples.push(media.example);
  return { examples, schemaPointer: media.schema.$ref.slice(1) };
}

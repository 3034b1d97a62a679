import type {
  OperationObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from "openapi-typescript";
import { HTTP_METHODS } from "../../src/http-methods.ts";
import { PipelineError } from "./pipeline-error.ts";
import { componentSchema, deref, propertiesOf, type SpecDocument, schemaName } from "./spec-document.ts";

/** One operation of the bundled spec, its `$ref`s to components followed. */
export interface BundledOperation {
  /** Upper-case (`PATCH`). */
  method: string;
  path: string;
  /** `PATCH /customers/{id}/`, as messages name it. */
  where: string;
  operation: OperationObject;
  /** The path item's parameters and the operation's own, the operation's winning on the same name and place. */
  parameters: ParameterObject[];
  /** The component schema its JSON request body names, if it takes one. */
  requestSchema?: string;
  /** Its first 2xx status, and the component schema that response's JSON body names, if any. */
  success: { status: number; schema?: string };
}

/** Every operation of the document, in the order of its paths and of HTTP_METHODS. */
export function bundledOperations(document: SpecDocument): BundledOperation[] {
  const found: BundledOperation[] = [];
  for (const [path, pathItem] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = deref<OperationObject>(document, pathItem[method]);
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const parameters = new Map<string, ParameterObject>();
      for (const node of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
        const parameter = deref<ParameterObject>(document, node);
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

function jsonSchemaOf(
  document: SpecDocument,
  body: RequestBodyObject | ResponseObject | ReferenceObject | undefined,
  where: string,
): string | undefined {
  const media = deref<RequestBodyObject | ResponseObject>(document, body)?.content?.["application/json"];
  const schema = media && deref(document, media).schema;
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
 * The converters send back the object's id, and the fake answers the id with the object. That the
 * declaration holds (a schema of that name, which the response embeds there, whose id is of the
 * field's type) is lint/redocly/rules/id-of.ts's to check; `npm run generate` lints first.
 */
export function idFields(document: SpecDocument, request: string, response: string): Record<string, string> {
  const answered = propertiesOf(componentSchema(document, response));
  const fields: Record<string, string> = {};
  for (const [field, node] of Object.entries(propertiesOf(componentSchema(document, request)))) {
    const related: unknown = deref<SchemaObject>(document, node)["x-piriod-id-of"];
    if (typeof related === "string" && schemaName(answered[field]) === related) fields[field] = related;
  }
  return fields;
}

import type { ReferenceObject, RequestBodyObject, SchemaObject } from "openapi-typescript";
import { PipelineError } from "./pipeline-error.ts";
import { componentSchema, deref, propertiesOf, type SpecDocument, typesOf } from "./spec-document.ts";
import { type BundledOperation, bundledOperations } from "./spec-operations.ts";

/** `customers.update`: a resource, then its method, both lower camel case. */
const CLIENT_METHOD = /^([a-z][A-Za-z0-9]*)\.([a-z][A-Za-z0-9]*)$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Properties of the client itself, which no resource may take. */
const CLIENT_MEMBERS = new Set(["raw", "withOptions", "then", "constructor", "__proto__"]);

/** One client method, as `x-piriod-method` declares it on an operation. */
export interface ClientMethod extends BundledOperation {
  resource: string;
  name: string;
  operationId: string;
  pathParams: string[];
  /** Whether its request body says `required: false`, which makes the body an optional argument. */
  bodyOptional: boolean;
  /** Its query parameters; a parameter with `x-piriod-query-prefix` stands for every key with that prefix (`metadata__`). */
  query: { name: string; prefix?: string; schema?: SchemaObject; description?: string; required: boolean }[];
  /** Whether its response is Piriod's Paginated envelope: `count`, `next`, `previous` and a `results` array. */
  paginated: boolean;
}

/**
 * The client's methods as the spec declares them: every operation names its method in `x-piriod-method` (`customers.update`),
 * with its path parameters in order, its query parameters, and whether it answers with Piriod's Paginated envelope.
 */
export function clientMethods(document: SpecDocument): ClientMethod[] {
  const seen = new Map<string, string>();
  return bundledOperations(document).map((found) => {
    const declared: unknown = found.operation["x-piriod-method"];
    const where = `${found.where} (${found.operation.operationId})`;
    const match = typeof declared === "string" ? declared.match(CLIENT_METHOD) : null;
    if (!match) {
      throw new PipelineError(
        `operations: ${where} must name its client method in x-piriod-method, as resource.method in lower camel case (customers.update)`,
      );
    }
    const [, resource, name] = match as unknown as [string, string, string];
    if (CLIENT_MEMBERS.has(resource))
      throw new PipelineError(
        `operations: ${where}: x-piriod-method ${declared} takes "${resource}", which the client keeps for itself`,
      );
    if (seen.has(declared as string))
      throw new PipelineError(
        `operations: ${where} and ${seen.get(declared as string)} both declare x-piriod-method ${declared}`,
      );
    seen.set(declared as string, where);
    const pathParams = [...found.path.matchAll(/\{([^}]+)\}/g)].map(([, param = ""]) => param);
    for (const param of pathParams) {
      if (!IDENTIFIER.test(param))
        throw new PipelineError(
          `operations: ${where}: the path parameter {${param}} must be a TypeScript identifier to be an argument`,
        );
      if (!found.parameters.some((parameter) => parameter.in === "path" && parameter.name === param)) {
        throw new PipelineError(`operations: ${where}: the path parameter {${param}} is not declared`);
      }
    }
    const query = found.parameters
      .filter((parameter) => parameter.in === "query")
      .map((parameter) => {
        const prefix: unknown = parameter["x-piriod-query-prefix"];
        if (prefix !== undefined && (typeof prefix !== "string" || !/^\w+$/.test(prefix)))
          throw new PipelineError(
            `operations: ${where}: x-piriod-query-prefix of ${parameter.name} must be a word (metadata__)`,
          );
        return {
          name: parameter.name,
          prefix: prefix as string | undefined,
          schema: deref(document, parameter.schema),
          description: parameter.description,
          required: parameter.required === true,
        };
      });
    return {
      ...found,
      resource,
      name,
      operationId: found.operation.operationId ?? "",
      pathParams,
      bodyOptional: deref<RequestBodyObject>(document, found.operation.requestBody)?.required === false,
      query,
      paginated: isPaginated(document, found.success.schema),
    };
  });
}

/** Piriod's list envelope, by its fields (its properties, or those of the schemas it is all of). */
function isPaginated(document: SpecDocument, schema: string | undefined): boolean {
  if (schema === undefined) return false;
  const properties = (node: SchemaObject | undefined): Record<string, SchemaObject | ReferenceObject> =>
    Object.assign({}, ...(node?.allOf ?? []).map((part) => properties(deref(document, part))), propertiesOf(node));
  const fields = properties(componentSchema(document, schema));
  return (
    ["count", "next", "previous", "results"].every((field) => field in fields) &&
    typesOf(deref(document, fields.results)).join() === "array"
  );
}

export function byResource(methods: ClientMethod[]): Map<string, ClientMethod[]> {
  const resources = new Map<string, ClientMethod[]>();
  for (const method of methods) resources.set(method.resource, [...(resources.get(method.resource) ?? []), method]);
  return resources;
}

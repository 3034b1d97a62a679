import type { ReferenceObject, RequestBodyObject, SchemaObject } from "openapi-typescript";
import { clientMethodOf, pathParameterProblem, queryPrefixProblem } from "../../lint/redocly/extension-values.ts";
import { PipelineError } from "./pipeline-error.ts";
import { componentSchema, deref, propertiesOf, type SpecDocument, typesOf } from "./spec-document.ts";
import { type BundledOperation, bundledOperations } from "./spec-operations.ts";

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
  return bundledOperations(document).map((found) => {
    const where = `${found.where} (${found.operation.operationId})`;
    // Each extension's value is read by the rule that lint/redocly/ checks it with; `npm run generate` lints first.
    const unlinted = (problem: string) =>
      new PipelineError(`operations: ${where}: ${problem} (npm run lint:spec says where)`);
    const method = clientMethodOf(found.operation["x-piriod-method"]);
    if ("problem" in method) throw unlinted(method.problem);
    const pathParams = [...found.path.matchAll(/\{([^}]+)\}/g)].map(([, param = ""]) => param);
    for (const param of pathParams) {
      const problem = pathParameterProblem(param);
      if (problem !== undefined) throw unlinted(problem);
      if (!found.parameters.some((parameter) => parameter.in === "path" && parameter.name === param)) {
        throw new PipelineError(`operations: ${where}: the path parameter {${param}} is not declared`);
      }
    }
    const query = found.parameters
      .filter((parameter) => parameter.in === "query")
      .map((parameter) => {
        const prefix: unknown = parameter["x-piriod-query-prefix"];
        const problem = prefix === undefined ? undefined : queryPrefixProblem(prefix, parameter.name);
        if (problem !== undefined) throw unlinted(problem);
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
      resource: method.resource,
      name: method.name,
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

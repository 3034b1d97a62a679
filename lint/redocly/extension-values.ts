/**
 * What each `x-piriod-*` extension's value must be, in one place: the Redocly rules of this folder report a value that breaks
 * them where the spec is edited, and the generator reads the values through the same functions.
 */

/** `customers.update`: a resource, then its method, both lower camel case. */
const CLIENT_METHOD = /^([a-z][A-Za-z0-9]*)\.([a-z][A-Za-z0-9]*)$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Properties of the client itself, which no resource may take. */
const CLIENT_MEMBERS = new Set(["raw", "withOptions", "then", "constructor", "__proto__"]);

/** `x-piriod-method`: the client method an operation becomes, `resource.method` (`customers.update`). */
export function clientMethodOf(declared: unknown): { resource: string; name: string } | { problem: string } {
  const [, resource, name] = (typeof declared === "string" && declared.match(CLIENT_METHOD)) || [];
  if (resource === undefined || name === undefined)
    return {
      problem:
        declared === undefined
          ? "an operation must name its client method in x-piriod-method, as resource.method in lower camel case (customers.update)"
          : `x-piriod-method ${JSON.stringify(declared)} must be resource.method in lower camel case (customers.update)`,
    };
  if (CLIENT_MEMBERS.has(resource))
    return { problem: `x-piriod-method ${declared} takes "${resource}", which the client keeps for itself` };
  return { resource, name };
}

/** A path parameter becomes an argument of the client method, so its name must be an identifier. */
export function pathParameterProblem(name: string): string | undefined {
  return IDENTIFIER.test(name)
    ? undefined
    : `the path parameter {${name}} must be a TypeScript identifier to be an argument`;
}

/** `x-piriod-query-prefix` on a query parameter whose object's keys are sent each as a parameter of its own (`metadata__`). */
export function queryPrefixProblem(prefix: unknown, parameter: string): string | undefined {
  return typeof prefix === "string" && /^\w+$/.test(prefix)
    ? undefined
    : `x-piriod-query-prefix of ${parameter} must be a word (metadata__), not ${JSON.stringify(prefix)}`;
}

/** `x-piriod-id-prefix` on an object schema: what its ids start with, before `_` (`cus` for `cus_…`). */
export function idPrefixProblem(prefix: unknown, schema: string): string | undefined {
  return typeof prefix === "string" && /^[a-z]+$/.test(prefix)
    ? undefined
    : `x-piriod-id-prefix of ${schema} must be lower-case letters (cus), not ${JSON.stringify(prefix)}`;
}

/** `x-piriod-to-body` on an operation: the name of the function that turns its response into its request body. */
export function toBodyNameProblem(name: unknown): string | undefined {
  return typeof name === "string" && IDENTIFIER.test(name)
    ? undefined
    : `x-piriod-to-body must name a function (toCustomerUpdate), not ${JSON.stringify(name)}`;
}

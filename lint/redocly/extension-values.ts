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

/**
 * The extensions of the rules Piriod documents for writes (docs/testing.md, "What the fake models"), each value's shape: what is
 * wrong with `value` as the value of `extension`, or undefined.
 */
export function writeRuleProblem(extension: string, value: unknown): string | undefined {
  const shown = JSON.stringify(value);
  const isObject = value !== null && typeof value === "object" && !Array.isArray(value);
  const record = (isObject ? value : {}) as Record<string, unknown>;
  switch (extension) {
    case "x-piriod-catalogue":
      return typeof value === "string" && /^[a-z][A-Za-z]*$/.test(value)
        ? undefined
        : `x-piriod-catalogue must name an option of the fake in lower camel case (countries), not ${shown}`;
    case "x-piriod-belongs-to":
      return typeof value === "string" && /^\w+$/.test(value)
        ? undefined
        : `x-piriod-belongs-to must name a field of the body (country), not ${shown}`;
    case "x-piriod-required-when":
      return isObject &&
        typeof record.field === "string" &&
        typeof record.flag === "string" &&
        (record.accountCountry === undefined || typeof record.accountCountry === "boolean")
        ? undefined
        : `x-piriod-required-when must be { field, flag, accountCountry? } ({ field: country, flag: has_regulation }), not ${shown}`;
    case "x-piriod-max-per":
      return isObject &&
        Number.isInteger(record.count) &&
        (record.count as number) >= 1 &&
        Array.isArray(record.fields) &&
        record.fields.length > 0 &&
        record.fields.every((field) => typeof field === "string")
        ? undefined
        : `x-piriod-max-per must be { count, fields } ({ count: 7, fields: [customer, orgunit] }), not ${shown}`;
    case "x-piriod-archive":
      return isObject && Object.keys(record).length > 0
        ? undefined
        : `x-piriod-archive must be the fields a delete writes instead ({ status: archived }), not ${shown}`;
    case "x-piriod-delete-refused":
      return typeof value === "string" && value.trim() !== ""
        ? undefined
        : `x-piriod-delete-refused must be the message of the refusal, not ${shown}`;
    default:
      return undefined;
  }
}

/** The extensions of writes' rules on a schema or one of its properties, and on a delete. */
export const SCHEMA_WRITE_RULES = [
  "x-piriod-catalogue",
  "x-piriod-belongs-to",
  "x-piriod-required-when",
  "x-piriod-max-per",
];
export const DELETE_WRITE_RULES = ["x-piriod-archive", "x-piriod-delete-refused"];

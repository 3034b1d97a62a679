import { PiriodValidationError, type ValidationIssue } from "../node.js";
import type { JsonSchema } from "./spec.js";
import { DEFAULT_PAGE_SIZE, type PiriodTool } from "./tools.js";

/**
 * The arguments of the client method a tool calls, in the order of its generated signature (the path parameters, the body if the
 * operation takes one, the query if it takes one), from the tool's arguments as an agent sent them. The body is left for the client to
 * check against the spec's validator; everything else is checked here, against the tool's input schema.
 */
export function clientArguments(tool: PiriodTool, input: unknown): unknown[] {
  const args = input ?? {};
  if (typeof args !== "object" || Array.isArray(args))
    throw refused(tool, [{ path: "", keyword: "type", message: "the arguments must be an object" }]);
  const given = args as Record<string, unknown>;
  const { properties, required } = tool.inputSchema;
  const errors: ValidationIssue[] = [];
  const known = Object.keys(properties);
  for (const name of Object.keys(given).filter((name) => !(name in properties)))
    errors.push({
      path: pointer(name),
      keyword: "additionalProperties",
      message: `no such argument; ${tool.name} takes ${known.length > 0 ? known.join(", ") : "none"}`,
    });
  for (const name of required.filter((name) => given[name] === undefined))
    errors.push({ path: pointer(name), keyword: "required", message: "is required" });

  for (const name of tool.operation.pathParams) {
    const id = given[name];
    if (id !== undefined && (typeof id !== "string" || id.trim() === ""))
      errors.push({ path: pointer(name), keyword: "minLength", message: "must be a non-empty string" });
  }
  const query: Record<string, unknown> = {};
  for (const [name, { prefix }] of Object.entries(tool.query)) {
    const value = given[name] ?? (name === "page_size" && tool.operation.paginated ? DEFAULT_PAGE_SIZE : undefined);
    if (value === undefined) continue;
    const problem = mismatch(value, properties[name] ?? {});
    if (problem) errors.push({ path: pointer(name), ...problem });
    else if (prefix === undefined) query[name] = value;
    else for (const [key, inner] of Object.entries(value as object)) query[`${prefix}${key}`] = inner;
  }
  if (errors.length > 0) throw refused(tool, errors);

  const call: unknown[] = tool.operation.pathParams.map((name) => given[name]);
  if (tool.operation.body) call.push(given.body);
  if (tool.operation.query) call.push(query);
  return call;
}

/** Why a query value breaks its property's schema (its type, its enum, the bounds of a number), or nothing. */
function mismatch(value: unknown, schema: JsonSchema): { keyword: string; message: string } | undefined {
  const types = ([] as unknown[]).concat(schema.type ?? []);
  if (types.length > 0 && !types.some((type) => hasType(value, type)))
    return {
      keyword: "type",
      message: `must be ${types.map((type) => (type === "object" ? "an object of strings" : `of type ${type}`)).join(" or ")}`,
    };
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    return { keyword: "enum", message: `must be one of ${schema.enum.join(", ")}` };
  if (typeof value !== "number") return undefined;
  const { minimum, maximum } = schema;
  if (typeof minimum === "number" && value < minimum)
    return { keyword: "minimum", message: `must be at least ${minimum}` };
  if (typeof maximum === "number" && value > maximum)
    return { keyword: "maximum", message: `must be at most ${maximum}` };
  return undefined;
}

function refused(tool: PiriodTool, errors: ValidationIssue[]): PiriodValidationError {
  const listed = errors.map(({ path, message }) => (path ? `${path} ${message}` : message)).join("; ");
  return new PiriodValidationError(`${tool.name}: the arguments are refused, nothing was sent: ${listed}`, errors);
}

/** Whether a value is of a JSON Schema type, as a query can send it: arrays of plain values (`__in` lookups), objects of strings. */
function hasType(value: unknown, type: unknown): boolean {
  switch (type) {
    case "integer":
      return Number.isSafeInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "array":
      return Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null);
    case "object":
      return (
        typeof value === "object" &&
        value !== null &&
        !Array.isArray(value) &&
        Object.values(value).every((inner) => typeof inner === "string")
      );
    case "null":
      return value === null;
    default:
      return typeof value === type;
  }
}

/** A JSON Pointer to a top-level argument. */
function pointer(name: string): string {
  return `/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

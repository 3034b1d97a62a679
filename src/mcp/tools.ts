import { operations } from "../../generated/operations.js";
import type { Operation } from "../operation.js";
import { type Document, inlineSchema, type JsonSchema, type SpecParameter, spec, specOperation } from "./spec.js";

/** What a tool does to the workspace's data: reads it, writes it (create, update), or deletes from it. */
export type Access = "read" | "write" | "delete";

/** The tools beyond reading that the server offers, as its flags allow. */
export interface AllowedAccess {
  writes: boolean;
  deletes: boolean;
}

/** The page size a list asks for unless told, and the most it may ask for: one call must not flood an agent's context. */
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 25;

/** Properties of an input schema: names the path, query and body of the operation. */
export interface InputSchema extends JsonSchema {
  type: "object";
  properties: Record<string, JsonSchema>;
  required: string[];
  additionalProperties: false;
}

/** One tool: an operation of the table, described by the spec. */
export interface PiriodTool {
  /** `customers_list`: the operation's `x-piriod-method` in the characters every MCP client accepts in a name. */
  name: string;
  description: string;
  inputSchema: InputSchema;
  annotations: {
    title: string;
    readOnlyHint: boolean;
    destructiveHint: boolean;
    idempotentHint: boolean;
    openWorldHint: boolean;
  };
  access: Access;
  /** The client method it calls: `piriod[resource][method]`. */
  resource: string;
  method: string;
  operation: Operation;
  /** The query arguments, each with the prefix its keys are sent under when it is an object of them (`metadata__`). */
  query: Record<string, { prefix?: string }>;
}

/** The tools `allowed` gives: every read, then writes and deletes only when their flag says so. */
export function allowedTools(tools: readonly PiriodTool[], allowed: AllowedAccess): PiriodTool[] {
  return tools.filter((tool) => tool.access === "read" || (tool.access === "write" ? allowed.writes : allowed.deletes));
}

/** A tool for each operation of the generated table, in its order, described from the spec. */
export function piriodTools(table = operations, document: Document = spec): PiriodTool[] {
  return Object.entries(table).flatMap(([resource, methods]) =>
    Object.entries(methods).map(([method, operation]) => toolOf(resource, method, operation, document)),
  );
}

function toolOf(resource: string, method: string, operation: Operation, document: Document): PiriodTool {
  const described = specOperation(operation, document);
  const where = `${resource}.${method}`;
  if (described["x-piriod-method"] !== where)
    throw new Error(`${operation.method} ${operation.path} is ${where} in the operation table but not in the spec`);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const add = (name: string, schema: JsonSchema, isRequired: boolean) => {
    if (name in properties) throw new Error(`${where}: two of its inputs are named "${name}"`);
    properties[name] = schema;
    if (isRequired) required.push(name);
  };
  const parameter = (place: string, name: string) =>
    described.parameters.find((candidate) => candidate.in === place && candidate.name === name);

  for (const name of operation.pathParams) add(name, propertyOf(parameter("path", name) ?? { name, in: "path" }), true);
  const query: PiriodTool["query"] = {};
  for (const declared of described.parameters.filter((candidate) => candidate.in === "query")) {
    const prefix = declared["x-piriod-query-prefix"];
    const sent = prefix === undefined ? declared.name : `${prefix}*`;
    // The client refuses a query key its operation does not take: such a parameter could only fail.
    if (!operation.query?.includes(sent)) continue;
    query[declared.name] = prefix === undefined ? {} : { prefix };
    add(
      declared.name,
      operation.paginated && declared.name === "page_size" ? cappedPageSize(declared) : propertyOf(declared),
      declared.required === true,
    );
  }
  if (operation.body && described.body) {
    const { schema, description } = described.body;
    add("body", description ? { ...schema, description: description.trim() } : schema, described.body.required);
  }

  const summary = described.summary ?? where;
  const paging = operation.paginated
    ? `\n\nAnswers one page: its \`results\`, the \`count\` of every match and \`has_next_page\`; ask for the next with \`page\`.`
    : "";
  const http = operation.method.toUpperCase();
  return {
    name: `${resource}_${method}`.replace(/[^A-Za-z0-9_-]/g, "_"),
    description: `${summary}.\n\n${described.description?.trim() ?? ""}${paging}`.trim(),
    inputSchema: { type: "object", properties, required, additionalProperties: false },
    annotations: {
      title: summary,
      readOnlyHint: http === "GET",
      // A create adds; an update or a delete changes what is there.
      destructiveHint: http === "PATCH" || http === "PUT" || http === "DELETE",
      // The same update or delete again leaves the data as the first left it; a create again makes another.
      idempotentHint: http !== "POST",
      // The tools reach one workspace of one API, no open world.
      openWorldHint: false,
    },
    access: http === "GET" ? "read" : http === "DELETE" ? "delete" : "write",
    resource,
    method,
    operation,
    query,
  };
}

/** A parameter as a property of the input schema: its schema, with the parameter's description and example. */
function propertyOf(parameter: SpecParameter): JsonSchema {
  return {
    ...inlineSchema(parameter.schema ?? { type: "string" }),
    ...(parameter.description ? { description: parameter.description.trim() } : {}),
    ...(parameter.example === undefined ? {} : { examples: [parameter.example] }),
  };
}

function cappedPageSize(parameter: SpecParameter): JsonSchema {
  const most = parameter.schema?.maximum;
  return {
    ...propertyOf(parameter),
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
    description: `How many items the page holds: 1 to ${MAX_PAGE_SIZE}, ${DEFAULT_PAGE_SIZE} unless given${
      typeof most === "number" ? ` (the API allows ${most}; fewer keep a page readable)` : ""
    }.`,
  };
}

/**
 * What the docs' consoles know of each operation, read at build time from the bundled spec and the
 * operation table the package is built with. Nothing here names an operation: an operation added
 * to the spec gets its console from these rules alone.
 */
import type {
  ExampleObject,
  MediaTypeObject,
  OperationObject,
  ParameterObject,
  RequestBodyObject,
  SchemaObject,
} from "openapi-typescript";
import { PipelineError } from "../scripts/lib/pipeline-error.ts";
import { deref, type SpecDocument, typesOf } from "../scripts/lib/spec-document.ts";
import { bundledOperations } from "../scripts/lib/spec-operations.ts";

/** How a form field is read: its text becomes the value the client is given. */
export type FieldType = "string" | "integer" | "number" | "boolean" | "list" | "pairs";

export interface ConsoleField {
  name: string;
  type: FieldType;
  required: boolean;
  /** The spec's description, as Markdown. */
  description: string;
  /** The spec's example as the form writes it (`segment=wholesale` for pairs, `a,b` for a list), if it has one. */
  example?: string;
  /** The values the spec allows, when it lists them (an enum, or `true` and `false`). */
  choices?: string[];
  /** For pairs: what the client puts before each key (`metadata__`), as the operation table names the family. */
  prefix?: string;
}

export interface ConsoleOperation {
  /** The client method, `customers.update`: the console's name for the operation. */
  key: string;
  resource: string;
  method: string;
  httpMethod: string;
  path: string;
  summary: string;
  /** The first tag: the docs group operations by it. */
  tag: string;
  /** In the order the client method takes them. */
  pathParams: ConsoleField[];
  query: ConsoleField[];
  /** The JSON body it takes: its schema's name and the spec's first example, as indented JSON. */
  body?: { schema: string; example: string };
  /** Whether it answers a page of a list. */
  paginated: boolean;
  /** The name its answer goes by in code (`page`, or its schema's: `customer`); absent when it answers no body. */
  result?: string;
  /** `x-piriod-to-body`: the package's converter that turns what `from` reads into this operation's body. */
  fill?: { converter: string; from: string };
}

export interface ConsoleModel {
  title: string;
  /** The workspace the console starts in: the spec's example of the workspace header, where the fake keeps its examples. */
  workspace: string;
  operations: ConsoleOperation[];
}

/** An entry of the operation table (generated/operations.js), as far as the console reads it. */
export interface TableOperation {
  method: string;
  path: string;
  pathParams: readonly string[];
  query?: readonly string[];
  body?: unknown;
  paginated?: true;
}

export type OperationTable = { readonly [resource: string]: { readonly [method: string]: TableOperation } };

/** Every operation of `document` that the table gives the client, in the spec's order. */
export function consoleModel(document: SpecDocument, table: OperationTable): ConsoleModel {
  const operations = bundledOperations(document).map(
    ({ method, path, where, operation, parameters, requestSchema, success }) => {
      const key = String(operation["x-piriod-method"]);
      const [resource = "", name = ""] = key.split(".");
      const entry = table[resource]?.[name];
      if (entry === undefined || entry.method !== method || entry.path !== path)
        throw new PipelineError(
          `docs: ${where} (${key}) is not in the package's operation table: build the package again`,
        );
      const byName = (place: string) =>
        new Map(
          parameters.filter((parameter) => parameter.in === place).map((parameter) => [parameter.name, parameter]),
        );
      const pathParameters = byName("path");
      const queryParameters = [...byName("query").values()];
      const converter = operation["x-piriod-to-body"];
      const from = Object.entries(table[resource] ?? {}).find(
        ([, other]) => other.method === "GET" && other.path === path,
      )?.[0];
      const consoleOperation: ConsoleOperation = {
        key,
        resource,
        method: name,
        httpMethod: method,
        path,
        summary: String(operation.summary ?? key),
        tag: String(operation.tags?.[0] ?? resource),
        pathParams: entry.pathParams.map((param) =>
          field(document, pathParameters.get(param) ?? { name: param, in: "path" }),
        ),
        query: queryParameters.map((parameter) => queryField(document, parameter, entry, where)),
        ...(requestSchema !== undefined && {
          body: { schema: requestSchema, example: bodyExample(document, operation) },
        }),
        paginated: entry.paginated === true,
        ...(success.schema !== undefined && {
          result: entry.paginated ? "page" : success.schema.charAt(0).toLowerCase() + success.schema.slice(1),
        }),
        ...(typeof converter === "string" &&
          from !== undefined && { fill: { converter, from: `${resource}.${from}` } }),
      };
      return consoleOperation;
    },
  );
  const header = bundledOperations(document)
    .flatMap(({ parameters }) => parameters)
    .find((parameter) => parameter.in === "header" && parameter.name === "x-simple-workspace");
  return {
    title: document.info.title,
    workspace: String(exampleOf(document, header) ?? "acc_example"),
    operations,
  };
}

/** A query parameter, checked against the names the client takes for the operation. */
function queryField(
  document: SpecDocument,
  parameter: ParameterObject,
  entry: TableOperation,
  where: string,
): ConsoleField {
  const prefix = parameter["x-piriod-query-prefix"] as string | undefined;
  const name = prefix === undefined ? parameter.name : `${prefix}*`;
  if (!entry.query?.includes(name))
    throw new PipelineError(
      `docs: ${where} takes ${name} in the spec, not in the package's operation table: build the package again`,
    );
  return { ...field(document, parameter), ...(prefix !== undefined && { prefix }) };
}

function field(document: SpecDocument, parameter: ParameterObject): ConsoleField {
  const schema = deref<SchemaObject>(document, parameter.schema);
  const type = fieldType(document, schema);
  const example = exampleOf(document, parameter);
  const choices: unknown[] | undefined =
    type === "boolean" ? [true, false] : schema && "enum" in schema ? schema.enum : undefined;
  return {
    name: parameter.name,
    type,
    required: parameter.required === true,
    description: String(parameter.description ?? "").trim(),
    ...(example !== undefined && { example: asText(example) }),
    ...(choices && { choices: choices.map(String) }),
  };
}

function fieldType(document: SpecDocument, schema: SchemaObject | undefined): FieldType {
  const types = typesOf(schema).filter((type) => type !== "null");
  if (types.includes("integer")) return "integer";
  if (types.includes("number")) return "number";
  if (types.includes("boolean")) return "boolean";
  if (types.includes("array")) return "list";
  const additional = schema && "additionalProperties" in schema ? schema.additionalProperties : undefined;
  if (types.includes("object") && typeof additional === "object" && deref(document, additional)) return "pairs";
  return "string";
}

/** A value as the form writes it: a list joined by commas, an object as `key=value&key=value`. */
function asText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(",");
  if (value !== null && typeof value === "object")
    return new URLSearchParams(Object.entries(value).map(([key, item]) => [key, String(item)])).toString();
  return String(value);
}

function exampleOf(document: SpecDocument, node: ParameterObject | MediaTypeObject | undefined): unknown {
  if (node?.example !== undefined) return node.example;
  const first = Object.values(node?.examples ?? {})[0];
  return first === undefined ? undefined : deref<ExampleObject>(document, first).value;
}

/** The first example of an operation's JSON body, as indented JSON; `{}` when the spec gives none. */
function bodyExample(document: SpecDocument, operation: OperationObject): string {
  const content = deref<RequestBodyObject>(document, operation.requestBody)?.content["application/json"];
  const media = deref<MediaTypeObject>(document, content);
  return JSON.stringify(exampleOf(document, media) ?? {}, null, 2);
}

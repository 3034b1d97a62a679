import { componentOf } from "../../scripts/lib/spec-document.ts";
import { HTTP_METHODS, type HttpMethod } from "../../src/http-methods.ts";
import type { JsonSchema } from "./conformance-schemas.ts";
import { defined } from "./defined.ts";
import { childPointer } from "./json-pointer.ts";
import { bundledSpec } from "./spec-examples.ts";

/**
 * The operations of a bundled spec, read once into the shape the suites check them by, so that
 * every suite covers each operation the spec gains without learning about it.
 */

export interface SpecParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: JsonSchema;
  /** Its `example`, or the value of its first entry of `examples`. */
  example: unknown;
  /** For a query parameter: whether each item of an array, or entry of an object, is sent as a parameter of its own (the form style's default). */
  explode?: boolean;
  /** `x-piriod-query-prefix`: what goes before each key of an object sent as parameters of their own (`metadata__`). */
  queryPrefix?: string;
}

/** A JSON body the spec documents: the component schema it names, and its examples in order. */
export interface DocumentedBody {
  /** The component schema's name (`CustomerUpdate`): its validator is `validate<schema>`. */
  schema?: string;
  /**
   * JSON Pointer to the schema in the bundled spec, for a validator compiled at test time: the component it names, or where it is
   * written when it names none (a webhook's body).
   */
  schemaPointer?: string;
  examples: unknown[];
}

export interface DocumentedResponse extends DocumentedBody {
  status: string;
}

export interface SpecOperation {
  /** Lower-case, as the spec's path item keys it. */
  method: string;
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  /** The path item's parameters and the operation's own, the operation's winning on the same name and place. */
  parameters: SpecParameter[];
  /** The headers that carry an API key, from the operation's security or else the spec's. */
  apiKeyHeaders: string[];
  requestBody?: DocumentedBody;
  /** Every status the spec documents, in its order. */
  responses: DocumentedResponse[];
  /** `x-codeSamples`, by language. */
  codeSamples: Record<string, string>;
}

// Parsed JSON, read as the parts of an OpenAPI document used here: its shape is checked by the
// spec's own lint, not here.
interface Reference {
  $ref?: string;
}

interface Example extends Reference {
  value?: unknown;
}

interface Body extends Reference {
  content?: Record<string, { schema?: Reference; example?: unknown; examples?: Record<string, Example> }>;
}

interface Parameter extends Reference {
  name: string;
  in: SpecParameter["in"];
  required?: boolean;
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, Example>;
  style?: string;
  explode?: boolean;
  "x-piriod-query-prefix"?: string;
}

type SecurityRequirement = Record<string, string[]>;

type SecurityScheme =
  | { type: "apiKey"; in: "query" | "header" | "cookie"; name: string }
  | { type: "http" | "mutualTLS" | "oauth2" | "openIdConnect" };

interface Operation {
  operationId: string;
  summary: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: Body;
  responses?: Record<string, Body>;
  security?: SecurityRequirement[];
  "x-codeSamples"?: { lang: string; source: string }[];
}

interface PathItem extends Partial<Record<HttpMethod, Operation>> {
  parameters?: Parameter[];
}

interface Spec {
  paths?: Record<string, PathItem>;
  webhooks?: Record<string, PathItem>;
  security?: SecurityRequirement[];
  components?: Record<string, Record<string, unknown> | undefined> & {
    securitySchemes?: Record<string, SecurityScheme & Reference>;
  };
}

const isHttpMethod = (name: string): name is HttpMethod => (HTTP_METHODS as readonly string[]).includes(name);

/** Follows a `$ref` to a component (schema, parameter, response, example …) of the same spec. */
function deref<T extends Reference>(spec: Spec, node: T | undefined): T | undefined {
  const component = componentOf(node?.$ref);
  // The spec's lint checks that a reference points at a component of the kind its place takes.
  return component ? deref(spec, spec.components?.[component.kind]?.[component.name] as T | undefined) : node;
}

function exampleValue(spec: Spec, example: Example): unknown {
  return defined(deref(spec, example), `the example ${example.$ref}`).value;
}

/** `body` as documented; `pointer` is where the spec writes it, so that a schema written in place has a pointer too. */
function documentedBody(spec: Spec, body: Body | undefined, pointer: string): DocumentedBody | undefined {
  const bodyPointer = componentOf(body?.$ref) ? defined(body?.$ref, "the body's $ref").slice(1) : pointer;
  const media = deref(spec, body)?.content?.["application/json"];
  if (!media) return undefined;
  const examples = Object.values(media.examples ?? {}).map((example) => exampleValue(spec, example));
  if (media.example !== undefined) examples.push(media.example);
  const ref = media.schema?.$ref;
  const component = componentOf(ref);
  return {
    ...(component?.kind === "schemas" && { schema: component.name }),
    ...(media.schema !== undefined && {
      schemaPointer:
        ref?.slice(1) ?? `${childPointer(childPointer(bodyPointer, "content"), "application/json")}/schema`,
    }),
    examples,
  };
}

function parameterOf(spec: Spec, node: Parameter): SpecParameter {
  const parameter = defined(deref(spec, node), `the parameter ${node.$ref}`);
  const firstExample = Object.values(parameter.examples ?? {}).map((example) => exampleValue(spec, example))[0];
  return {
    name: parameter.name,
    in: parameter.in,
    required: parameter.required === true,
    schema: parameter.schema ?? {},
    example: parameter.example ?? firstExample,
    ...(parameter.in === "query" && { explode: parameter.explode ?? (parameter.style ?? "form") === "form" }),
    ...(parameter["x-piriod-query-prefix"] !== undefined && { queryPrefix: parameter["x-piriod-query-prefix"] }),
  };
}

function apiKeyHeadersOf(spec: Spec, operation: Operation): string[] {
  const headers = new Set<string>();
  for (const requirement of operation.security ?? spec.security ?? []) {
    for (const name of Object.keys(requirement)) {
      const scheme = deref(spec, spec.components?.securitySchemes?.[name]);
      if (scheme?.type === "apiKey" && scheme.in === "header") headers.add(scheme.name);
    }
  }
  return [...headers];
}

/**
 * Every operation of `document`, a parsed OpenAPI document (the bundled spec by default), in the
 * order of its paths and methods.
 */
export function specOperations(document: unknown = bundledSpec): SpecOperation[] {
  const spec = document as Spec;
  return operationsOf(spec, "paths", spec.paths);
}

/**
 * Every operation of `document`'s `webhooks`: what Piriod sends, not what the client calls. `path` is the webhook's name. The
 * suites of the API's operations (Prism, the samples, the fake) never read them.
 */
export function specWebhooks(document: unknown = bundledSpec): SpecOperation[] {
  const spec = document as Spec;
  return operationsOf(spec, "webhooks", spec.webhooks);
}

function operationsOf(
  spec: Spec,
  section: "paths" | "webhooks",
  items: Record<string, PathItem> = {},
): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, pathItem] of Object.entries(items)) {
    // In the order the path item writes them, as the docs list them.
    for (const method of Object.keys(pathItem).filter(isHttpMethod)) {
      const operation = defined(pathItem[method], `${method} ${path}`);
      const pointer = childPointer(childPointer(`/${section}`, path), method);
      const parameters = new Map<string, SpecParameter>();
      for (const node of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
        const parameter = parameterOf(spec, node);
        parameters.set(`${parameter.in} ${parameter.name}`, parameter);
      }
      const requestBody = documentedBody(spec, operation.requestBody, `${pointer}/requestBody`);
      operations.push({
        method,
        path,
        operationId: operation.operationId,
        summary: operation.summary,
        tags: operation.tags ?? [],
        parameters: [...parameters.values()],
        apiKeyHeaders: apiKeyHeadersOf(spec, operation),
        ...(requestBody && { requestBody }),
        responses: Object.entries(operation.responses ?? {}).map(([status, response]) => ({
          status,
          ...(documentedBody(spec, response, childPointer(`${pointer}/responses`, status)) ?? { examples: [] }),
        })),
        codeSamples: Object.fromEntries(
          (operation["x-codeSamples"] ?? []).map((sample) => [sample.lang, sample.source]),
        ),
      });
    }
  }
  return operations;
}

/** `PATCH /customers/{id}/`: how the suites name an operation. */
export const operationTitle = (operation: SpecOperation): string =>
  `${operation.method.toUpperCase()} ${operation.path}`;

/** The response the spec documents for a status, if it documents one. */
export function documentedResponse(operation: SpecOperation, status: string): DocumentedResponse | undefined {
  return operation.responses.find((response) => response.status === status);
}

/** The operation's first 2xx response: what a valid call gets. */
export function successResponse(operation: SpecOperation): DocumentedResponse | undefined {
  return operation.responses.find((response) => /^2\d\d$/.test(response.status));
}

/** The operation's headers, required or not. */
export const headerParameters = (operation: SpecOperation): SpecParameter[] =>
  operation.parameters.filter((parameter) => parameter.in === "header");

/** The path with every path parameter filled in from its example, percent-encoded as one segment. */
export function filledPath(operation: SpecOperation): string {
  return operation.parameters
    .filter((parameter) => parameter.in === "path")
    .reduce(
      (path, parameter) => path.replace(`{${parameter.name}}`, encodeURIComponent(String(parameter.example))),
      operation.path,
    );
}

/** The operation's sample in one language; fails naming the operation when there is none. */
export function codeSample(operation: SpecOperation, lang: string): string {
  const source = operation.codeSamples[lang];
  if (typeof source !== "string")
    throw new Error(`${operationTitle(operation)} (${operation.operationId}) has no ${lang} sample in x-codeSamples`);
  return source;
}

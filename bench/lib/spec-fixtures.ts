import { readFileSync } from "node:fs";

/** The bundled spec (what the package ships as `@piriod/api/openapi.json`): its examples are the benchmarks' payloads. */
export const spec = JSON.parse(readFileSync(new URL("../../generated/openapi.json", import.meta.url), "utf8"));

interface JsonContent {
  schema?: { $ref?: string };
  examples?: Record<string, { value: unknown }>;
}

/** A schema of the spec with an example of it: what the validator benchmark checks. */
export interface SchemaExample {
  schema: string;
  example: unknown;
}

const schemaName = (content: JsonContent | undefined) => content?.schema?.$ref?.split("/").at(-1);
const firstExample = (content: JsonContent | undefined) => Object.values(content?.examples ?? {})[0]?.value;

/**
 * Each component schema that an operation sends or answers with (its 200), with the first example
 * the spec gives for it there. A new operation brings its schemas here by itself.
 */
export const schemaExamples: SchemaExample[] = (() => {
  const found = new Map<string, unknown>();
  for (const item of Object.values(spec.paths) as Record<
    string,
    {
      requestBody?: { content: Record<string, JsonContent> };
      responses?: Record<string, { content?: Record<string, JsonContent> }>;
    }
  >[]) {
    for (const operation of Object.values(item)) {
      for (const content of [
        operation.requestBody?.content["application/json"],
        operation.responses?.["200"]?.content?.["application/json"],
      ]) {
        const schema = schemaName(content);
        const example = firstExample(content);
        if (schema && example !== undefined && !found.has(schema)) found.set(schema, example);
      }
    }
  }
  return [...found].map(([schema, example]) => ({ schema, example }));
})();

function exampleOf(schema: string): unknown {
  const found = schemaExamples.find((entry) => entry.schema === schema);
  if (!found) throw new Error(`the spec has no example of ${schema}`);
  return found.example;
}

/**
 * The example with a few typical faults: its first three fields of the wrong type and one field
 * the schema does not know (refused where the schema is closed).
 */
export function withFaults(example: unknown): Record<string, unknown> {
  const faulty: Record<string, unknown> = { ...(example as Record<string, unknown>) };
  for (const key of Object.keys(faulty).slice(0, 3)) faulty[key] = typeof faulty[key] === "string" ? 13 : "13";
  faulty.nickname = "Andes";
  return faulty;
}

/**
 * A call the client benchmarks make, as data: the client method, the HTTP request it stands for
 * and the examples it sends and gets back.
 */
export interface ClientCall {
  /** `customers.update`: the resource and the method of the client. */
  resource: string;
  method: string;
  http: { method: string; path: string };
  /** The path's `{id}`, for an operation on one resource. */
  id?: string;
  body: unknown;
  /** The query, for a list. */
  query?: Record<string, string>;
  response: unknown;
}

/** The call the targets are set for. */
export const CUSTOMERS_UPDATE: ClientCall = {
  resource: "customers",
  method: "update",
  http: { method: "PATCH", path: "/customers/{id}/" },
  id: "cus_01H8XYZ123ABC",
  body: exampleOf("CustomerUpdate"),
  response: exampleOf("Customer"),
};

export const CUSTOMERS_RETRIEVE: ClientCall = {
  ...CUSTOMERS_UPDATE,
  method: "retrieve",
  http: { method: "GET", path: "/customers/{id}/" },
  body: undefined,
};

export const CUSTOMERS_LIST: ClientCall = {
  resource: "customers",
  method: "list",
  http: { method: "GET", path: "/customers/" },
  body: undefined,
  query: { country: "CL", page_size: "20" },
  response: exampleOf("CustomerList"),
};

export const CUSTOMERS_CREATE: ClientCall = {
  resource: "customers",
  method: "create",
  http: { method: "POST", path: "/customers/" },
  body: exampleOf("CustomerWrite"),
  response: exampleOf("Customer"),
};

/** Every call the in-process cost is measured for: one of each shape of operation. */
export const CLIENT_CALLS = [CUSTOMERS_UPDATE, CUSTOMERS_RETRIEVE, CUSTOMERS_LIST, CUSTOMERS_CREATE];

/** `customers.update (PATCH /customers/{id}/)`, as tables and targets name a call. */
export const callName = (call: ClientCall): string =>
  `${call.resource}.${call.method} (${call.http.method} ${call.http.path})`;

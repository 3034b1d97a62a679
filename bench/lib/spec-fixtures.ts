import { readFileSync } from "node:fs";

/** The bundled spec (what the package ships as `@piriod/api/openapi.json`): its examples are the benchmarks' payloads. */
const spec = JSON.parse(readFileSync(new URL("../../generated/openapi.json", import.meta.url), "utf8"));

interface JsonContent {
  schema?: { $ref?: string };
  examples?: Record<string, { value: unknown }>;
}

/** The first example the spec gives for `schema`, where an operation sends it or answers with it (its 200). */
function exampleOf(schema: string): unknown {
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
        const example = Object.values(content?.examples ?? {})[0]?.value;
        if (content?.schema?.$ref?.split("/").at(-1) === schema && example !== undefined) return example;
      }
    }
  }
  throw new Error(`the spec has no example of ${schema}`);
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

/** `customers.update (PATCH /customers/{id}/)`, as tables and targets name a call. */
export const callName = (call: ClientCall): string =>
  `${call.resource}.${call.method} (${call.http.method} ${call.http.path})`;

import { filledPath, headerParameters, type SpecOperation, type SpecParameter } from "./operations-of-spec.ts";

/** The spec's own key for any apiKey scheme: a mock checks presence, Piriod the `Token …` form. */
export const API_TOKEN = "Token sk_test_conformance";

export interface OperationCall {
  method: string;
  /** The path with every path parameter filled in from its example. */
  path: string;
  /** Every required header (from its example), the API key, and for a JSON body its content type. */
  headers: Record<string, string>;
  /** The operation's first request example, as sent; none when it takes no body. */
  body?: string;
}

/** A valid request to the operation: every required header, the API key, and its example body if it takes one. */
export function operationCall(operation: SpecOperation): OperationCall {
  const headers: Record<string, string> = {};
  for (const parameter of headerParameters(operation).filter((header) => header.required))
    headers[parameter.name.toLowerCase()] = String(parameter.example);
  for (const name of operation.apiKeyHeaders) headers[name.toLowerCase()] = API_TOKEN;
  const call: OperationCall = { method: operation.method.toUpperCase(), path: filledPath(operation), headers };
  if (!operation.requestBody) return call;
  headers["content-type"] = "application/json";
  const [example] = operation.requestBody.examples;
  return example === undefined ? call : { ...call, body: JSON.stringify(example) };
}

/**
 * The `name=value` pairs a query parameter's value is sent as, in OpenAPI's form style: an array
 * comma-joined, or one pair per item when exploded; an object's entries one pair each, every key
 * after the parameter's `x-piriod-query-prefix` (`{ segment: "retail" }` → `metadata__segment=retail`).
 */
export function queryPairs(parameter: SpecParameter, value: unknown): [string, string][] {
  if (Array.isArray(value))
    return parameter.explode
      ? value.map((item) => [parameter.name, String(item)])
      : [[parameter.name, value.join(",")]];
  if (value === null || typeof value !== "object") return [[parameter.name, String(value)]];
  if (!parameter.explode)
    throw new Error(`query parameter ${parameter.name}: an object that is not exploded has no form this helper writes`);
  return Object.entries(value).map(([key, item]) => [`${parameter.queryPrefix ?? ""}${key}`, String(item)]);
}

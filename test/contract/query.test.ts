import { describe, expect, it } from "vitest";
import { typesOf } from "../helpers/conformance-schemas.ts";
import { defined } from "../helpers/defined.ts";
import {
  operationTitle,
  type SpecOperation,
  type SpecParameter,
  specOperations,
  successResponse,
} from "../helpers/operations-of-spec.ts";
import { send, usePrismMock } from "../helpers/prism-mock.ts";
import { operationCall, queryPairs } from "../helpers/prism-operations.ts";
import { parseViolations } from "../helpers/prism-violations.ts";

const prism = usePrismMock();

const queryParameters = (operation: SpecOperation) =>
  operation.parameters.filter((parameter) => parameter.in === "query");

/** Values a query parameter's schema refuses, each with the keyword that refuses it, for the constraints a query value can break. */
function refusedValues(parameter: SpecParameter): [value: string, keyword: string][] {
  const { schema } = parameter;
  const refused: [string, string][] = [];
  if (typesOf(schema).includes("boolean")) refused.push(["sometimes", "type"]);
  if (typesOf(schema).includes("integer")) refused.push(["1.5", "type"]);
  if (typeof schema.minimum === "number") refused.push([String(schema.minimum - 1), "minimum"]);
  if (typeof schema.maximum === "number") refused.push([String(schema.maximum + 1), "maximum"]);
  if (schema.format === "date-time") refused.push(["yesterday", "format"]);
  return refused;
}

// Piriod ignores a query parameter it does not know, so a filter whose declaration is wrong fails
// silently; these tests hold every declared one to the mock of the spec instead.
describe.each(
  specOperations()
    .filter((operation) => queryParameters(operation).length > 0)
    .map((operation) => [operationTitle(operation), operation] as const),
)("%s query parameters, as the mock enforces them", (_title, operation) => {
  const call = operationCall(operation);
  const success = defined(successResponse(operation), "the 2xx response");
  const query = queryParameters(operation);
  const request = (pairs: [string, string][]) =>
    send(`${prism().url}${call.path}?${new URLSearchParams(pairs)}`, { method: call.method, headers: call.headers });

  it("takes every query parameter at once, each its example as the spec writes it, answering its documented 2xx", async () => {
    expect(query.filter((parameter) => parameter.example === undefined).map((parameter) => parameter.name)).toEqual([]);
    const response = await request(query.flatMap((parameter) => queryPairs(parameter, parameter.example)));
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(response.status).toBe(Number(success.status));
  });

  it.each(
    query.flatMap((parameter) =>
      refusedValues(parameter).map(([value, keyword]) => [parameter.name, value, keyword] as const),
    ),
  )("refuses %s=%s (%s) with a 400 naming the parameter", async (name, value, keyword) => {
    const response = await request([[name, value]]);
    expect(response.status).toBe(400);
    expect(parseViolations(response.headers.get("sl-violations"))).toContainEqual(
      expect.objectContaining({ location: ["request", "query", name], code: keyword }),
    );
  });
});

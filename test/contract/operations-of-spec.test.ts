import { describe, expect, it } from "vitest";
import { schemaUses } from "../helpers/conformance-schemas.ts";
import { defined } from "../helpers/defined.ts";
import { fixtureSpec } from "../helpers/operations-fixture.ts";
import {
  codeSample,
  documentedResponse,
  filledPath,
  specOperations,
  specWebhooks,
  successResponse,
} from "../helpers/operations-of-spec.ts";
import { API_TOKEN, operationCall, queryPairs } from "../helpers/prism-operations.ts";

// The suites learn the spec's operations from here: these tests prove it reads every operation of
// a spec, Piriod's and one shaped otherwise, with nothing named in code.
describe("the operations of a spec", () => {
  it("are every method of every path, in the spec's order, each with what the suites check it by", () => {
    const operations = specOperations(fixtureSpec());
    expect(
      operations.map((operation) => [
        operation.method,
        operation.path,
        operation.operationId,
        operation.summary,
        operation.tags,
      ]),
    ).toEqual([
      ["get", "/people/{id}/", "getPerson", "Get person", ["people"]],
      ["put", "/people/{id}/", "replacePerson", "Replace person", ["people"]],
      ["delete", "/runs/{id}", "cancelRun", "Cancel run", ["billing runs"]],
    ]);
    const [get, put, remove] = operations as [(typeof operations)[0], (typeof operations)[0], (typeof operations)[0]];
    expect(get.parameters).toEqual([
      { name: "id", in: "path", required: true, schema: { type: "string" }, example: "p/1" },
      { name: "x-account", in: "header", required: true, schema: { type: "string" }, example: "acc_1" },
    ]);
    expect(get).not.toHaveProperty("requestBody");
    expect(get.responses).toEqual([
      {
        status: "200",
        schema: "Person",
        schemaPointer: "/components/schemas/Person",
        examples: [{ id: "p/1", name: "Ana" }],
      },
      {
        status: "404",
        schema: "Problem",
        schemaPointer: "/components/schemas/Problem",
        examples: [{ detail: "Not found." }],
      },
    ]);
    expect(get.codeSamples).toEqual({
      curl: expect.stringContaining("curl"),
      TypeScript: expect.stringContaining("import"),
    });
    // The operation's own x-account wins over the path's, in the path's place.
    expect(put.parameters.find((parameter) => parameter.name === "x-account")).toMatchObject({
      required: false,
      example: "acc_2",
    });
    expect(put.requestBody).toEqual({
      schema: "PersonInput",
      schemaPointer: "/components/schemas/PersonInput",
      examples: [{ name: "Ana" }],
    });
    expect(remove.apiKeyHeaders).toEqual(["X-Run-Key"]);
    expect(successResponse(remove)).toEqual({ status: "204", examples: [] });
    expect(documentedResponse(remove, "404")?.examples).toEqual([{ detail: "Not found." }]);
    expect(documentedResponse(remove, "400")).toBeUndefined();
  });

  it("leave out its webhooks, which the API's suites never call; specWebhooks reads them, a body written in place included", () => {
    expect(specOperations(fixtureSpec()).map((operation) => operation.operationId)).not.toContain("runFinished");
    const [webhook, ...others] = specWebhooks(fixtureSpec());
    expect(others).toEqual([]);
    expect(webhook).toEqual({
      method: "post",
      path: "run.finished",
      operationId: "runFinished",
      summary: "Run finished",
      tags: ["notifications"],
      parameters: [],
      apiKeyHeaders: [],
      requestBody: {
        schemaPointer: "/webhooks/run.finished/post/requestBody/content/application~1json/schema",
        examples: [{ run: "run_1" }],
      },
      responses: [{ status: "2XX", examples: [] }],
      codeSamples: {},
    });
  });

  it("give each a valid call: path examples percent-encoded, required headers from their examples, the API key, the example body", () => {
    const [get, put, remove] = specOperations(fixtureSpec()).map(operationCall);
    expect(get).toEqual({
      method: "GET",
      path: "/people/p%2F1/",
      headers: { authorization: API_TOKEN, "x-account": "acc_1" },
    });
    expect(put).toEqual({
      method: "PUT",
      path: "/people/p%2F1/",
      headers: { authorization: API_TOKEN, "content-type": "application/json" },
      body: '{"name":"Ana"}',
    });
    expect(remove).toEqual({ method: "DELETE", path: "/runs/p%2F1", headers: { "x-run-key": API_TOKEN } });
  });

  it("say how each query parameter is written, and give the pairs its value is sent as", () => {
    const remove = defined(specOperations(fixtureSpec())[2], "cancelRun");
    const query = remove.parameters.filter((parameter) => parameter.in === "query");
    const reason = defined(query[0], "the first query parameter");
    const labels = defined(query[1], "the second query parameter");
    expect(reason).toMatchObject({ name: "reason", explode: false });
    // Form style, and so exploded, unless the parameter says otherwise.
    expect(labels).toMatchObject({ name: "labels", explode: true, queryPrefix: "label__" });
    expect(queryPairs(reason, reason.example)).toEqual([["reason", "late,duplicate"]]);
    expect(queryPairs({ ...reason, explode: true }, ["late", "duplicate"])).toEqual([
      ["reason", "late"],
      ["reason", "duplicate"],
    ]);
    expect(queryPairs(labels, labels.example)).toEqual([["label__team", "ops"]]);
    expect(queryPairs(labels, 3)).toEqual([["labels", "3"]]);
  });

  it("name the operation and language of a sample that is missing", () => {
    const [first, , third] = specOperations(fixtureSpec());
    const get = defined(first, "getPerson");
    const remove = defined(third, "cancelRun");
    expect(codeSample(get, "curl")).toBe("curl 'https://api.example.com/people/p%2F1/'\n");
    expect(filledPath(get)).toBe("/people/p%2F1/");
    expect(() => codeSample(remove, "curl")).toThrow(
      "DELETE /runs/{id} (cancelRun) has no curl sample in x-codeSamples",
    );
  });

  it("of Piriod's spec include retrieving and updating a customer, and give the conformance suite their bodies", () => {
    expect(
      specOperations().map((operation) => `${operation.operationId} ${operation.method} ${operation.path}`),
    ).toEqual(
      expect.arrayContaining(["retrieveCustomer get /customers/{id}/", "updateCustomer patch /customers/{id}/"]),
    );
    expect(schemaUses()).toEqual(
      expect.arrayContaining([
        { method: "get", path: "/customers/{id}/", role: "response", schema: "Customer" },
        {
          method: "patch",
          path: "/customers/{id}/",
          role: "request",
          schema: "CustomerUpdate",
          answeredWith: "Customer",
          answeredStatus: 200,
        },
        { method: "patch", path: "/customers/{id}/", role: "response", schema: "Customer" },
      ]),
    );
    expect(schemaUses().filter((use) => use.method === "get" && use.role === "request")).toEqual([]);
  });
});

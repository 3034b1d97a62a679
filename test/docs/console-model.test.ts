import { describe, expect, it } from "vitest";
import { consoleModel, type OperationTable } from "../../docs-console/model.ts";
import { operations } from "../../generated/operations.js";
import { consoleOf, model } from "../helpers/console-session.ts";
import { defined } from "../helpers/defined.ts";
import { operationTitle, specOperations } from "../helpers/operations-of-spec.ts";
import { bundledSpec } from "../helpers/spec-examples.ts";

const spec = specOperations();
const methodOf = (path: string, method: string) => bundledSpec.paths[path][method]["x-piriod-method"] as string;

describe("the consoles' model, read from the spec and the operation table", () => {
  it("has one console for each operation of the spec, named by the client method it calls", () => {
    expect(model.operations.map((operation) => `${operation.httpMethod} ${operation.path}`).sort()).toEqual(
      spec.map((operation) => operationTitle(operation)).sort(),
    );
    for (const operation of model.operations)
      expect(operation.key).toBe(methodOf(operation.path, operation.httpMethod.toLowerCase()));
  });

  it("starts in the workspace of the spec's example, where the fake keeps its examples", () => {
    const header = spec.flatMap((operation) => operation.parameters).find((p) => p.name === "x-simple-workspace");
    expect(model.workspace).toBe(defined(header, "the workspace header").example);
  });

  describe.each(spec.map((operation) => [operationTitle(operation), operation] as const))("%s", (_title, operation) => {
    const shown = consoleOf(methodOf(operation.path, operation.method));
    const declared = (place: string) => operation.parameters.filter((parameter) => parameter.in === place);

    it("asks for its path parameters in the order of the path, each with the spec's example", () => {
      const inPath = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
      expect(shown.pathParams.map(({ name, example }) => [name, example])).toEqual(
        inPath.map((name) => [name, declared("path").find((parameter) => parameter.name === name)?.example]),
      );
    });

    it("offers each query parameter the spec declares, with its example as text", () => {
      expect(shown.query.map(({ name }) => name)).toEqual(declared("query").map(({ name }) => name));
      for (const field of shown.query) {
        const { example } = defined(
          declared("query").find((parameter) => parameter.name === field.name),
          field.name,
        );
        if (example === undefined || field.type === "pairs") continue;
        expect(field.example).toBe(String(example));
      }
    });

    it("takes a body exactly when the spec documents one, starting from its first example", () => {
      expect(shown.body?.schema).toBe(operation.requestBody?.schema);
      if (operation.requestBody)
        expect(JSON.parse(defined(shown.body, "the body").example)).toEqual(operation.requestBody.examples[0]);
    });
  });

  it("reads each field's kind from its schema: numbers, booleans as a choice, an object of pairs with its prefix", () => {
    const list = consoleOf("customers.list");
    const field = (name: string) => list.query.find((candidate) => candidate.name === name);
    expect(field("page_size")).toMatchObject({ type: "integer", example: "50", required: false });
    expect(field("metadata")).toMatchObject({ type: "pairs", prefix: "metadata__", example: "segment=wholesale" });
    expect(field("country")).toMatchObject({ type: "string", example: "CL" });
    expect(consoleOf("contacts.list").query.find((candidate) => candidate.name === "invoicing")).toMatchObject({
      type: "boolean",
      choices: ["true", "false"],
    });
  });

  it("offers the converter the spec names (x-piriod-to-body), reading the object with the GET of the same path", () => {
    const converters = model.operations.flatMap((operation) =>
      operation.fill ? [[operation.key, operation.fill]] : [],
    );
    expect(converters).toEqual([
      ["customers.update", { converter: "toCustomerUpdate", from: "customers.retrieve" }],
      ["contacts.update", { converter: "toContactUpdate", from: "contacts.retrieve" }],
    ]);
  });

  it("names each answer as code would: a page for a list, the schema for an object, nothing for a 204", () => {
    expect(
      ["customers.list", "customers.retrieve", "contacts.create", "customers.delete"].map(
        (key) => consoleOf(key).result,
      ),
    ).toEqual(["page", "customer", "contact", undefined]);
    expect(consoleOf("customers.list").paginated).toBe(true);
  });

  it("refuses a package whose operation table lacks an operation of the spec, naming it", () => {
    const { delete: _removed, ...customers } = operations.customers as OperationTable[string];
    expect(() => consoleModel(bundledSpec, { ...operations, customers })).toThrow(
      /DELETE \/customers\/\{id\}\/ \(customers\.delete\) is not in the package's operation table: build the package again/,
    );
  });

  it("refuses a package whose operation takes fewer query parameters than the spec declares", () => {
    const list = defined(operations.customers?.list, "customers.list");
    const customers = {
      ...operations.customers,
      list: { ...list, query: list.query?.filter((name) => name !== "tax_id") },
    };
    expect(() => consoleModel(bundledSpec, { ...operations, customers })).toThrow(
      /GET \/customers\/ takes tax_id in the spec, not in the package's operation table/,
    );
  });
});

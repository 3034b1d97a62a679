import { describe, expect, it } from "vitest";
import { PiriodResponseValidationError } from "../../src/errors.js";
import * as fetchEntry from "../../src/index.js";
import * as nodeEntry from "../../src/node.js";
import type { PagePromise } from "../../src/pages.js";
import { API_KEY, customer, WORKSPACE } from "../helpers/client-fixtures.ts";
import { expectNoUnhandledRejections } from "../helpers/client-unhandled.ts";
import { faultServerOfFile } from "../helpers/fault-server-of-file.ts";
import { json } from "../helpers/http-fault-server.ts";
import { operationMethod, widgetList } from "../helpers/operation-context.ts";

// Lists a server could make wrong, against a real local server through both transports on the
// generic call path (an invented list operation), and through customers.list in both entries.
expectNoUnhandledRejections();

const LIST = widgetList(["page", "page_size", "country"]);

const server = faultServerOfFile();

describe.each(["node", "fetch"] as const)("a list through the %s transport", (transport) => {
  const list = () =>
    operationMethod(LIST, { baseUrl: server.url, transport }) as (...args: unknown[]) => PagePromise<unknown>;

  describe("its envelope, checked with response validation off", () => {
    it.each([
      ["results as a string", { count: 1, next: null, previous: null, results: "abc" }, "/results must be an array"],
      ["no results", { count: 1, next: null, previous: null }, "/results must be an array"],
      ["a null body", null, "the body must be an object with count, next, previous and results"],
      ["an array body", [customer], "the body must be an object with count, next, previous and results"],
      ["a negative count", { count: -1, results: [] }, "/count must be a whole number, 0 or more"],
      ["a fractional count", { count: 1.5, results: [] }, "/count must be a whole number, 0 or more"],
      ["a count as text", { count: "3", results: [] }, "/count must be a whole number, 0 or more"],
      ["a next that is a number", { count: 3, next: 2, results: [] }, "/next must be a URL or null"],
      ["a next that is no URL", { count: 3, next: "page 2", results: [] }, "/next must be a URL or null"],
      ["a previous that is an object", { count: 3, previous: {}, results: [] }, "/previous must be a URL or null"],
    ])("refuses %s with PiriodResponseValidationError naming the field", async (_case, payload, message) => {
      server.answer(json(200, payload));
      const error = await list()().catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(PiriodResponseValidationError);
      expect(error).toMatchObject({ status: 200, body: payload });
      expect((error as Error).message).toBe(
        `GET /widgets/ answered 200 with a body that is not what the spec promises: ${message}`,
      );
      expect(server.received).toHaveLength(1);
    });
  });
});

describe.each([
  ["the node entry", nodeEntry],
  ["the fetch entry", fetchEntry],
] as const)("customers.list through %s", (_entry, { createPiriodClient }) => {
  const piriod = () =>
    createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl: server.url, maxRetries: 0 });

  it("refuses results that are not a list", async () => {
    server.answer(json(200, { count: 1, next: null, previous: null, results: "cus_1" }));
    await expect(piriod().customers.list()).rejects.toThrow(/\/results must be an array$/);
  });
});

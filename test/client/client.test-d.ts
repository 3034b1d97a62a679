import { Agent, type AgentOptions } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { describe, expectTypeOf, it } from "vitest";
import type { components, paths } from "../../generated/schema.js";
import type {
  Customer,
  CustomerUpdate,
  Page,
  PagePromise,
  PiriodClient,
  PiriodClientOptions,
  ValidationIssue,
  WithResponse,
} from "../../src/index.js";
import * as fetchEntry from "../../src/index.js";
import type * as nodeEntry from "../../src/node.js";
import {
  createPiriodClient,
  type PiriodBadRequestError,
  type PiriodPromise,
  type PiriodResponseValidationError,
  type PiriodValidationError,
} from "../../src/node.js";

const piriod = createPiriodClient({ apiKey: "sk_test", workspace: "acc_1" });
const update: CustomerUpdate = { name: "Andes SpA", address: "Av. Providencia 1234", country: "CL", state: 13 };

describe("customers.update", () => {
  it("resolves to the Customer, and .withResponse() adds the response", () => {
    expectTypeOf(piriod.customers.update("cus_1", update)).toEqualTypeOf<PiriodPromise<Customer>>();
    expectTypeOf(piriod.customers.update("cus_1", update)).resolves.toEqualTypeOf<Customer>();
    expectTypeOf(piriod.customers.update("cus_1", update).withResponse()).resolves.toEqualTypeOf<
      WithResponse<Customer>
    >();
    expectTypeOf<WithResponse<Customer>>().toEqualTypeOf<{
      data: Customer;
      response: Response;
      requestId: string | null;
    }>();
  });

  it("takes exactly a CustomerUpdate: no response-only field, nothing missing", () => {
    // @ts-expect-error `id` exists only in responses
    void piriod.customers.update("cus_1", { ...update, id: "cus_2" });
    // @ts-expect-error `address` is required
    void piriod.customers.update("cus_1", { name: "Andes SpA", country: "CL", state: 13 });
    // @ts-expect-error `state` is the state's numeric id
    void piriod.customers.update("cus_1", { ...update, state: "13" });
  });

  it("takes per-call signal, timeoutMs, maxRetries, testMode and headers, and nothing else", () => {
    void piriod.customers.update("cus_1", update, {
      signal: AbortSignal.timeout(1),
      timeoutMs: 5_000,
      maxRetries: 0,
      testMode: true,
      headers: { "x-trace": "abc" },
    });
    void piriod.customers.list({ country: "CL" }, { headers: { "x-trace": "abc" } });
    // @ts-expect-error header values are strings
    void piriod.customers.retrieve("cus_1", { headers: { "x-retries": 1 } });
    // @ts-expect-error the option is `timeoutMs`
    void piriod.customers.update("cus_1", update, { timeout: 5_000 });
  });
});

describe("piriod.raw", () => {
  it("does not ask for the headers the client injects, but still for the path's id", () => {
    void piriod.raw.PATCH("/customers/{id}/", { params: { path: { id: "cus_1" } }, body: update });
    void piriod.raw.PATCH("/customers/{id}/", {
      params: { path: { id: "cus_1" }, header: { "x-piriod-test-mode": true } },
      body: update,
    });
    // @ts-expect-error the id is still required
    void piriod.raw.PATCH("/customers/{id}/", { params: { path: {} }, body: update });
    void piriod.raw.PATCH("/customers/{id}/", {
      // @ts-expect-error an injected header keeps its type when given
      params: { path: { id: "cus_1" }, header: { "x-piriod-test-mode": "yes" } },
      body: update,
    });
  });

  it("types data as the Customer", async () => {
    const { data } = await piriod.raw.PATCH("/customers/{id}/", { params: { path: { id: "cus_1" } }, body: update });
    expectTypeOf(data).toEqualTypeOf<Customer | undefined>();
  });
});

describe("options", () => {
  it("may leave apiKey, workspace and baseUrl to the environment in the Node entry", () => {
    createPiriodClient();
    createPiriodClient({ apiKey: "sk_test" });
    createPiriodClient({ timeoutMs: 5_000 });
    // @ts-expect-error the key is a string
    createPiriodClient({ apiKey: 1 });
  });

  it("requires apiKey and workspace in the browser entry, and types the rest", () => {
    // @ts-expect-error workspace is required
    fetchEntry.createPiriodClient({ apiKey: "sk_test" });
    // @ts-expect-error the options are required
    fetchEntry.createPiriodClient();
    expectTypeOf<PiriodClientOptions["validate"]>().toEqualTypeOf<
      { request?: boolean; response?: boolean } | undefined
    >();
    expectTypeOf<PiriodClientOptions["fetch"]>().toEqualTypeOf<((request: Request) => Promise<Response>) | undefined>();
  });

  it("offers an agent in the node entry only: an http.Agent or https.Agent, described by its shape", () => {
    expectTypeOf<Agent>().toExtend<NonNullable<nodeEntry.NodeClientOptions["agent"]>>();
    expectTypeOf<HttpsAgent>().toExtend<NonNullable<nodeEntry.NodeClientOptions["agent"]>>();
    expectTypeOf<undefined>().toExtend<nodeEntry.NodeClientOptions["agent"]>();
    createPiriodClient({ apiKey: "sk_test", workspace: "acc_1", agent: new HttpsAgent({ keepAlive: true }) });
    createPiriodClient({ apiKey: "sk_test", workspace: "acc_1", baseUrl: "http://127.0.0.1:1", agent: new Agent() });
    // @ts-expect-error an object that is no agent
    createPiriodClient({ apiKey: "sk_test", workspace: "acc_1", agent: {} });
    // @ts-expect-error an agent's options are not an agent
    createPiriodClient({ apiKey: "sk_test", workspace: "acc_1", agent: { keepAlive: true } as AgentOptions });
    // @ts-expect-error the fetch entry has no transport to give an agent to
    fetchEntry.createPiriodClient({ apiKey: "sk_test", workspace: "acc_1", agent: new Agent() });
  });
});

describe("the entry points", () => {
  it("export the same client and the spec's types", () => {
    expectTypeOf(fetchEntry.createPiriodClient).returns.toEqualTypeOf<PiriodClient>();
    expectTypeOf(createPiriodClient).returns.toEqualTypeOf<PiriodClient>();
    expectTypeOf<nodeEntry.Customer>().toEqualTypeOf<components["schemas"]["Customer"]>();
    expectTypeOf<nodeEntry.paths>().toEqualTypeOf<paths>();
  });
});

describe("errors", () => {
  it("carry typed details", () => {
    expectTypeOf<PiriodValidationError["errors"]>().toEqualTypeOf<ValidationIssue[]>();
    expectTypeOf<PiriodBadRequestError["fieldErrors"]>().toEqualTypeOf<{ path: string; message: string }[]>();
    expectTypeOf<PiriodBadRequestError["nonFieldErrors"]>().toEqualTypeOf<string[]>();
    expectTypeOf<PiriodBadRequestError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<PiriodResponseValidationError["body"]>().toEqualTypeOf<unknown>();
  });
});

describe("customers.list", () => {
  it("walks its pages with their items typed: for await, iterPages, collect, the previous page", async () => {
    const pages = piriod.customers.list({ country: "CL" });
    expectTypeOf(pages).toEqualTypeOf<PagePromise<Customer>>();
    expectTypeOf(pages).toExtend<AsyncIterable<Customer>>();
    expectTypeOf(pages.collect(50)).resolves.toEqualTypeOf<Customer[]>();
    expectTypeOf(pages.iterPages()).toEqualTypeOf<AsyncGenerator<Page<Customer>>>();
    const page = await pages;
    expectTypeOf(page).toEqualTypeOf<Page<Customer>>();
    expectTypeOf(page).toExtend<AsyncIterable<Customer>>();
    expectTypeOf(page.collect(50)).resolves.toEqualTypeOf<Customer[]>();
    expectTypeOf(page.iterPages()).toEqualTypeOf<AsyncGenerator<Page<Customer>>>();
    expectTypeOf(page.hasPreviousPage()).toEqualTypeOf<boolean>();
    expectTypeOf(page.getPreviousPage()).toEqualTypeOf<PagePromise<Customer>>();
    // @ts-expect-error collect takes the most items to gather: an unbounded list is not collected by accident
    void page.collect();
  });
});

import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createPiriodClient as createFetchClient,
  type PiriodClient,
  type PiriodClientOptions,
  PiriodConnectionError,
  PiriodNotFoundError,
} from "../../src/index.ts";
import { createPiriodClient as createNodeClient } from "../../src/node.ts";
import { createPiriodFake } from "../../src/testing/index.ts";
import { defined } from "../helpers/defined.ts";
import { customerBody, WORKSPACE } from "../helpers/fake-client.ts";

// No client here gets a `fetch`: each sends through its entry's own transport, to a host this machine cannot reach, so a request msw
// lets through fails its test.
const fake = createPiriodFake();
const server = setupServer(...fake.handlers(http));
const options = { apiKey: "sk_test_msw", workspace: WORKSPACE };

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  fake.reset();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

/** A customer's whole life through `piriod`, and what the fake saw of it. */
async function customerLifecycle(piriod: PiriodClient) {
  const created = await piriod.customers.create(customerBody({ email: "pagos@andes.cl" }));
  expect(created).toMatchObject({
    id: expect.stringMatching(/^cus_/),
    name: "Comercializadora Andes SpA",
    email: "pagos@andes.cl",
  });
  const id = defined(created.id, "the created customer's id");
  expect(await piriod.customers.retrieve(id)).toEqual(created);
  const updated = await piriod.customers.update(id, customerBody({ name: "Andes Ltda" }));
  expect(updated).toMatchObject({ id, name: "Andes Ltda" });
  const listed: string[] = [];
  for await (const customer of piriod.customers.list({ ordering: "name" }))
    listed.push(`${customer.id} ${customer.name}`);
  expect(listed).toEqual([`${id} Andes Ltda`]);
  await piriod.customers.delete(id);
  await expect(piriod.customers.retrieve(id)).rejects.toBeInstanceOf(PiriodNotFoundError);

  expect(fake.requests.map(({ method, path, status }) => `${method} ${path} ${status}`)).toEqual([
    "POST /customers/ 201",
    `GET /customers/${id}/ 200`,
    `PATCH /customers/${id}/ 200`,
    "GET /customers/ 200",
    `DELETE /customers/${id}/ 204`,
    `GET /customers/${id}/ 404`,
  ]);
  const create = defined(fake.requests[0], "the create request");
  expect(create.body).toEqual(customerBody({ email: "pagos@andes.cl" }));
  expect(defined(fake.requests[2], "the update request").body).toEqual(customerBody({ name: "Andes Ltda" }));
  expect(defined(fake.requests[3], "the list request").query).toEqual({ ordering: "name" });
  expect(create.headers).toMatchObject({
    authorization: "Token [redacted]",
    "x-simple-workspace": WORKSPACE,
  });
}

describe("the fake as msw handlers", () => {
  it("serves the Node entry's own node:https transport", async () => {
    const fetch = vi.spyOn(globalThis, "fetch");
    try {
      await customerLifecycle(createNodeClient(options));
      expect(fetch).not.toHaveBeenCalled();
      expect(fake.requests.map((request) => request.headers["accept-encoding"])).toEqual(Array(6).fill("gzip, br"));
    } finally {
      fetch.mockRestore();
    }
  });

  it("serves the fetch entry through the global fetch", async () => {
    const fetch = vi.spyOn(globalThis, "fetch");
    try {
      await customerLifecycle(createFetchClient(options));
      expect(fetch).toHaveBeenCalledTimes(6);
    } finally {
      fetch.mockRestore();
    }
  });

  describe.each([
    ["Node", createNodeClient],
    ["fetch", createFetchClient],
  ] as const)(
    "faults, through the %s entry",
    (_entry, createPiriodClient: (options: PiriodClientOptions) => PiriodClient) => {
      it("answers a 429 the client retries, then serves the call", async () => {
        const [customer] = fake.seed({ customers: [customerBody()] }).customers;
        fake.failNext("customers.retrieve", { status: 429, headers: { "retry-after": "0" } });
        const id = defined(customer?.id, "the seeded customer's id");
        expect(await createPiriodClient({ ...options, maxRetries: 1 }).customers.retrieve(id)).toEqual(customer);
        expect(fake.requests.map(({ operation, status }) => `${operation} ${status}`)).toEqual([
          "customers.retrieve 429",
          "customers.retrieve 200",
        ]);
      });

      it("drops the connection as a network error, which the client raises as its connection error", async () => {
        fake.failNext("customers.list", { drop: true });
        const error = await createPiriodClient({ ...options, maxRetries: 0 })
          .customers.list()
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(PiriodConnectionError);
        expect((error as Error).message).toContain("GET /customers/ failed: no response from https://api.piriod.com");
        expect(fake.requests.map(({ operation, status }) => `${operation} ${status}`)).toEqual(["customers.list 0"]);
      });

      it("refuses a bad body sent through raw with DRF's field errors, naming the field", async () => {
        const body = customerBody({ email: "not an email", state: "trece" });
        const { error, response } = await createPiriodClient(options).raw.POST("/customers/", { body: body as never });
        expect(response.status).toBe(400);
        expect(error).toEqual({ email: ["Enter a valid email address."], state: ["A valid integer is required."] });
        expect(fake.requests.map(({ body: sent, status }) => [sent, status])).toEqual([[body, 400]]);
      });
    },
  );

  it("serves a base URL with a path, and nothing outside it", async () => {
    const gateway = "https://gateway.example.test/piriod";
    server.resetHandlers(...fake.handlers(http, { baseUrl: gateway }));
    const reported = vi.spyOn(console, "error").mockImplementation(() => {});
    const piriod = createNodeClient({ ...options, baseUrl: gateway, maxRetries: 0 });

    const created = [
      await piriod.customers.create(customerBody()),
      await piriod.customers.create(customerBody({ name: "Andes Ltda" })),
    ];
    const listed = [];
    for await (const customer of piriod.customers.list({ page_size: 1 })) listed.push(customer);
    expect(listed).toEqual(created);
    expect(fake.requests.map(({ method, path, query }) => `${method} ${path} ${new URLSearchParams(query)}`)).toEqual([
      "POST /customers/ ",
      "POST /customers/ ",
      "GET /customers/ page_size=1",
      "GET /customers/ page_size=1&page=2",
    ]);

    for (const baseUrl of ["https://api.piriod.com", "https://elsewhere.example.test/piriod"]) {
      reported.mockClear();
      await expect(createNodeClient({ ...options, baseUrl, maxRetries: 0 }).customers.list()).rejects.toBeInstanceOf(
        PiriodConnectionError,
      );
      expect(reported).toHaveBeenCalledOnce();
      // msw's own report of an unhandled request: it names the request, in msw's words.
      const report = defined(reported.mock.calls[0], "the first report").join(" ");
      expect(report).toContain(`GET ${baseUrl}/customers/`);
    }
    expect(fake.requests).toHaveLength(4);
  });

  it.each(["/:tenant", "/piriod/*", "/(v1)", "/v1+"])(
    "serves a base URL whose path %s holds msw's pattern syntax as that path alone",
    async (path) => {
      const gateway = `https://gateway.example.test${path}`;
      server.resetHandlers(...fake.handlers(http, { baseUrl: gateway }));
      const reported = vi.spyOn(console, "error").mockImplementation(() => {});
      const customer = await createFetchClient({ ...options, baseUrl: gateway, maxRetries: 0 }).customers.create(
        customerBody(),
      );
      expect(customer.id).toMatch(/^cus_/);

      const elsewhere = createFetchClient({ ...options, baseUrl: "https://gateway.example.test/acme", maxRetries: 0 });
      await expect(elsewhere.customers.list()).rejects.toBeInstanceOf(PiriodConnectionError);
      expect(defined(reported.mock.calls[0], "the report of the request no handler took").join(" ")).toContain(
        "• GET https://gateway.example.test/acme/customers/\n",
      );
      expect(fake.requests.map(({ path: received }) => received)).toEqual(["/customers/"]);
    },
  );
});

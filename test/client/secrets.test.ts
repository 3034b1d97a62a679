import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PiriodApiError, PiriodError } from "../../src/errors.js";
import { createPiriodClient } from "../../src/node.js";
import { API_KEY, body, CUSTOMER_ID, testClient, WORKSPACE } from "../helpers/client-fixtures.ts";
import { expectNoApiKey, renderings } from "../helpers/client-secrets.ts";
import { defined } from "../helpers/defined.ts";
import { type Answer, type FaultServer, json, reply, startFaultServer } from "../helpers/http-fault-server.ts";

// The API key must not leak through anything the client produces: errors (message, stack,
// toJSON, util.inspect), the client object itself, or logs.
let server: FaultServer;
beforeAll(async () => (server = await startFaultServer()));
afterAll(() => server.close());

/** Answers with the request's own Authorization header, as a careless proxy or debug endpoint might. */
const echo =
  (status: number): Answer =>
  (response, request) =>
    json(
      status,
      {
        detail: `bad credentials: ${request.headers.authorization}`,
        seen: { authorization: request.headers.authorization },
      },
      {
        "x-echo": String(request.headers.authorization),
      },
    )(response, request, () => {});

describe("the API key", () => {
  it("is in the request: the checks below would see it if it leaked", async () => {
    server.answer(json(200, {}));
    await testClient({ baseUrl: server.url, validate: { request: false } }).raw.PATCH("/customers/{id}/", {
      params: { path: { id: "x" } },
      body,
    });
    expect(defined(server.received.at(-1), "the request sent").headers.authorization).toBe(`Token ${API_KEY}`);
    expect(renderings({ echoed: API_KEY }).inspect).toContain(API_KEY);
  });

  it.each([400, 401, 500])("is redacted from a %i whose body and headers echo it", async (status) => {
    server.answer(echo(status));
    const error = await testClient({ baseUrl: server.url, maxRetries: 0 })
      .customers.update(CUSTOMER_ID, body)
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PiriodApiError);
    expectNoApiKey(error);
    expect((error as PiriodApiError).headers.get("x-echo")).toBe("Token [redacted]");
    expect((error as PiriodApiError).message).toContain("bad credentials: Token [redacted]");
  });

  it("is redacted at each of 10,000 places in one string, and nothing else of the string is lost", async () => {
    const line = (key: string, index: number) => `${index}: Token ${key}, x${API_KEY}y`;
    const lines = (key: string) => Array.from({ length: 10_000 }, (_, index) => line(key, index)).join("\n");
    server.answer(json(404, { detail: lines(API_KEY) }));
    const error = await testClient({ baseUrl: server.url, maxRetries: 0 })
      .customers.retrieve(CUSTOMER_ID)
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PiriodApiError);
    // A key joined to other characters is not a token of its own, and stays, as the redaction rule says.
    expect((error as PiriodApiError).body).toEqual({ detail: lines("[redacted]") });
  });

  it("is redacted from a 200 that is not JSON and echoes it", async () => {
    server.answer(reply(200, `<p>Token ${API_KEY}</p>`, { "content-type": "text/html" }));
    const error = await testClient({ baseUrl: server.url })
      .customers.update(CUSTOMER_ID, body)
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PiriodError);
    expectNoApiKey(error);
  });

  it("is not in the client object, its raw client or its resources", () => {
    const piriod = createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE });
    expectNoApiKey(piriod);
    expectNoApiKey(piriod.raw);
    expectNoApiKey(piriod.customers);
  });

  it("is not shown when a middleware inspects the request", async () => {
    server.answer(json(200, {}));
    const piriod = testClient({ baseUrl: server.url });
    let seen: Request | undefined;
    piriod.raw.use({
      onRequest: ({ request }) => {
        seen = request;
      },
    });
    await piriod.raw.PATCH("/customers/{id}/", { params: { path: { id: CUSTOMER_ID } }, body });
    const request = defined(seen, "the request the middleware saw");
    expect(request.headers.get("authorization")).toBe(`Token ${API_KEY}`);
    expect(renderings(request).inspect).not.toContain(API_KEY);
  });

  it("is never logged: the client writes nothing to the console", async () => {
    const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
    const spies = methods.map((method) => vi.spyOn(console, method).mockImplementation(() => {}));
    try {
      server.answer(echo(503), json(200, {}));
      const piriod = testClient({ baseUrl: server.url, maxRetries: 1 });
      await piriod.customers.update(CUSTOMER_ID, body).catch(() => {});
      await piriod.customers
        .update(CUSTOMER_ID, { ...body, name: undefined } as unknown as typeof body)
        .catch(() => {});
      expect(spies.map((spy) => spy.mock.calls)).toEqual(methods.map(() => []));
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});

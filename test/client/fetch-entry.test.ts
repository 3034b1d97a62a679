import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPiriodClient } from "../../src/index.js";
import { toResponse } from "../../src/transport.js";
import {
  API_KEY,
  body,
  CUSTOMER_ID,
  customer,
  jsonResponse,
  rebuildingMiddleware,
  WORKSPACE,
} from "../helpers/client-fixtures.ts";
import { defined } from "../helpers/defined.ts";
import { type FaultServer, json, reply, startFaultServer } from "../helpers/http-fault-server.ts";

// The fetch entry (browsers, Deno, Bun, workers) sends through the global fetch.
let server: FaultServer;
beforeAll(async () => (server = await startFaultServer()));
afterAll(() => server.close());

const client = () => createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl: server.url, maxRetries: 0 });

describe("the fetch entry over the global fetch", () => {
  it("sends the call and answers with the response, its URL kept", async () => {
    server.answer(json(200, customer, { "x-request-id": "req_7" }));
    const { data, response, requestId } = await client().customers.update(CUSTOMER_ID, body).withResponse();
    expect(data).toEqual(customer);
    expect([response.status, response.url, requestId]).toEqual([
      200,
      `${server.url}/customers/${CUSTOMER_ID}/`,
      "req_7",
    ]);
    expect(server.received.at(-1)).toMatchObject({
      method: "PATCH",
      url: `/customers/${CUSTOMER_ID}/`,
      body: JSON.stringify(body),
    });
  });

  it("looks the global fetch up on every call, so a mock installed after the client was made applies", async () => {
    const piriod = client();
    const mocked = vi
      .spyOn(globalThis, "fetch")
      .mockResolvedValue(jsonResponse(200, { ...customer, name: "Mocked SpA" }));
    try {
      await expect(piriod.customers.retrieve(CUSTOMER_ID)).resolves.toMatchObject({ name: "Mocked SpA" });
      expect(mocked).toHaveBeenCalledTimes(1);
      const [input] = defined(mocked.mock.calls[0], "the mocked fetch's first call");
      expect(String(input)).toBe(`${server.url}/customers/${CUSTOMER_ID}/`);
    } finally {
      mocked.mockRestore();
    }
  });

  it("gives raw's middleware standard requests, which it may rebuild, with the key hidden from util.inspect", async () => {
    server.answer(json(200, customer));
    const piriod = client();
    const { seen, onRequest } = rebuildingMiddleware("t-3");
    piriod.raw.use({ onRequest });
    const { data } = await piriod.raw.PATCH("/customers/{id}/", { params: { path: { id: CUSTOMER_ID } }, body });
    expect(data).toEqual(customer);
    expect(seen[0]).toBeInstanceOf(Request);
    expect(inspect(seen[0])).not.toContain(API_KEY);
    expect(server.received.at(-1)).toMatchObject({
      method: "PATCH",
      url: `/customers/${CUSTOMER_ID}/`,
      body: JSON.stringify(body),
    });
    expect(defined(server.received.at(-1), "the request sent").headers["x-trace"]).toBe("t-3");
  });

  it("keeps a response without a body without one", async () => {
    server.answer(reply(204, ""));
    const { data, response } = await client().raw.PATCH("/customers/{id}/", {
      params: { path: { id: CUSTOMER_ID } },
      body,
    });
    expect([data, response.status, response.body]).toEqual([undefined, 204, null]);
  });
});

describe("toResponse", () => {
  it("is a standard Response of the body received, with the URL it came from", async () => {
    const response = toResponse({
      status: 201,
      statusText: "Created",
      headers: new Headers({ "x-a": "1" }),
      body: '{"ok":true}',
      url: "https://api.piriod.com/x/",
    });
    expect(Object.getPrototypeOf(response)).toBe(Response.prototype);
    expect([response.status, response.statusText, response.headers.get("x-a"), response.url]).toEqual([
      201,
      "Created",
      "1",
      "https://api.piriod.com/x/",
    ]);
    expect(await response.json()).toEqual({ ok: true });
  });
});

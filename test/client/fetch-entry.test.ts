import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPiriodClient } from "../../src/index.js";
import { LightRequest } from "../../src/light-request.js";
import { standardResponse } from "../../src/transport.js";
import { API_KEY, body, customer, CUSTOMER_ID, rebuildingMiddleware, WORKSPACE } from "../helpers/client-fixtures.ts";
import { json, reply, startFaultServer, type FaultServer } from "../helpers/http-fault-server.ts";

// The fetch entry (browsers, Deno, Bun, workers) sends through the global fetch with standard
// Request and Response objects; where those are JavaScript (Node here), it swaps in the light
// classes once they have loaded in the background. Either way the caller sees the same answers.
let server: FaultServer;
beforeAll(async () => (server = await startFaultServer()));
afterAll(() => server.close());

const client = () => createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl: server.url, maxRetries: 0 });

describe("the fetch entry over the global fetch", () => {
  it("sends the call and answers with the response, its URL kept", async () => {
    server.answer(json(200, customer, { "x-request-id": "req_7" }));
    const { data, response, requestId } = await client().customers.update(CUSTOMER_ID, body).withResponse();
    expect(data).toEqual(customer);
    expect([response.status, response.url, requestId]).toEqual([200, `${server.url}/customers/${CUSTOMER_ID}/`, "req_7"]);
    expect(server.received.at(-1)).toMatchObject({ method: "PATCH", url: `/customers/${CUSTOMER_ID}/`, body: JSON.stringify(body) });
  });

  it("builds no standard Request in Node once the light class has loaded", async () => {
    server.answer(json(200, customer));
    const piriod = client();
    // The client began loading the light classes when it was made; make sure they have arrived.
    await import("../../src/light-classes.js");
    await new Promise((resolve) => setTimeout(resolve, 0));
    const constructed = vi.spyOn(globalThis, "Request");
    try {
      await expect(piriod.customers.update(CUSTOMER_ID, body)).resolves.toEqual(customer);
      expect(constructed).not.toHaveBeenCalled();
    } finally {
      constructed.mockRestore();
    }
  });

  it("gives middleware standard requests, which it may rebuild, with the key hidden from util.inspect", async () => {
    server.answer(json(200, customer));
    const piriod = client();
    const { seen, onRequest } = rebuildingMiddleware("t-3");
    piriod.raw.use({ onRequest });
    await expect(piriod.customers.update(CUSTOMER_ID, body)).resolves.toEqual(customer);
    expect(Object.getPrototypeOf(seen[0]!)).not.toBe(LightRequest.prototype);
    expect(inspect(seen[0])).not.toContain(API_KEY);
    expect(server.received.at(-1)).toMatchObject({ method: "PATCH", url: `/customers/${CUSTOMER_ID}/`, body: JSON.stringify(body) });
    expect(server.received.at(-1)!.headers["x-trace"]).toBe("t-3");
  });

  it("keeps a response without a body without one", async () => {
    server.answer(reply(204, ""));
    const { data, response } = await client().raw.PATCH("/customers/{id}/", { params: { path: { id: CUSTOMER_ID } }, body });
    expect([data, response.status, response.body]).toEqual([undefined, 204, null]);
  });
});

describe("standardResponse", () => {
  it("is a standard Response of the bytes given, with the URL it came from", async () => {
    const response = standardResponse(201, "Created", new Headers({ "x-a": "1" }), new TextEncoder().encode('{"ok":true}'), "https://api.piriod.com/x/");
    expect(Object.getPrototypeOf(response)).toBe(Response.prototype);
    expect([response.status, response.statusText, response.headers.get("x-a"), response.url]).toEqual([201, "Created", "1", "https://api.piriod.com/x/"]);
    expect(await response.json()).toEqual({ ok: true });
  });
});

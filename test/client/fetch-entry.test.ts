import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPiriodClient } from "../../src/index.js";
import { LightRequest } from "../../src/light-request.js";
import { createRedactor } from "../../src/redact.js";
import { partsOf, standardRequestWithParts } from "../../src/request-parts.js";
import { retryingFetch } from "../../src/retrying-fetch.js";
import { abortableSleep } from "../../src/sleep.js";
import { standardResponse, type OutgoingRequest, type Transport } from "../../src/transport.js";
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

describe("standardRequestWithParts", () => {
  const url = `https://api.piriod.com/customers/${CUSTOMER_ID}/`;

  it("is a standard Request that hands over the string body and the signal it was built with", async () => {
    const signal = new AbortController().signal;
    const request = standardRequestWithParts(url, { method: "PATCH", body: JSON.stringify(body), signal });
    expect(request).toBeInstanceOf(Request);
    expect(partsOf(request)).toEqual({ body: JSON.stringify(body), signal });
    expect(await request.text()).toBe(JSON.stringify(body));
  });

  it("hands over no parts for a body the standard request encodes itself, which is then read back", () => {
    const form = new FormData();
    form.set("name", "Cliente");
    expect(partsOf(standardRequestWithParts(url, { method: "POST", body: form }))).toBeUndefined();
    expect(partsOf(new Request(url))).toBeUndefined();
  });

  it("lets the retrying fetch send the body as given, without reading the request back", async () => {
    const request = standardRequestWithParts(url, { method: "PATCH", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    request.arrayBuffer = () => Promise.reject(new Error("the body was read back"));
    const sent: OutgoingRequest[] = [];
    const transport: Transport = async (outgoing) => (sent.push(outgoing), new Response("{}"));
    const send = retryingFetch({ transport, sleep: abortableSleep, redact: createRedactor(API_KEY) }, { maxRetries: 0, timeoutMs: 1_000 });
    expect((await send(request)).status).toBe(200);
    expect(sent.map(({ method, body: sentBody }) => [method, sentBody])).toEqual([["PATCH", JSON.stringify(body)]]);
  });
});

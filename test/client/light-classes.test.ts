import { describe, expect, it } from "vitest";
import { BufferedResponse } from "../../src/buffered-response.js";
import { LightRequest } from "../../src/light-request.js";
import { body, CUSTOMER_ID, customer, jsonResponse, rebuildingMiddleware, recordingFetch, testClient } from "../helpers/client-fixtures.ts";

// The client hands openapi-fetch and its callers light stand-ins for Request and Response. They
// must behave as the standard classes wherever callers (and middleware) touch them.
const URL_ = "https://api.piriod.com/customers/cus_1/";

describe("LightRequest", () => {
  const request = () => new LightRequest(URL_, { method: "PATCH", headers: { "content-type": "application/json" }, body: '{"name":"Andes"}' });

  it("passes for a Request and serves the members it does not implement from a standard one", async () => {
    const light = request() as unknown as Request;
    expect(light).toBeInstanceOf(Request);
    expect([light.url, light.method, light.cache, light.mode, light.credentials]).toEqual([URL_, "PATCH", "default", "cors", "same-origin"]);
    expect(light.signal).toBeInstanceOf(AbortSignal);
    expect(await new Response(light.body).text()).toBe('{"name":"Andes"}');
  });

  it("reads its body as often as asked, and clones with headers of its own", async () => {
    const light = request();
    expect([await light.text(), await light.json()]).toEqual(['{"name":"Andes"}', { name: "Andes" }]);
    const copy = light.clone();
    copy.headers.set("x-copy", "1");
    expect(light.headers.has("x-copy")).toBe(false);
    expect(await copy.text()).toBe('{"name":"Andes"}');
  });

  it("lets a middleware replace it with a standard Request, whose body is then re-sent on every retry", async () => {
    const fetch = recordingFetch(jsonResponse(503, {}), jsonResponse(200, customer));
    const piriod = testClient({ fetch });
    piriod.raw.use({
      onRequest: async ({ request }) => {
        const headers = new Headers(request.headers);
        headers.set("x-trace", "t-1");
        return new Request(request.url, { method: request.method, headers, body: await request.text() });
      },
    });
    await expect(piriod.customers.update(CUSTOMER_ID, body)).resolves.toEqual(customer);
    expect(fetch.requests.map(({ request, body: sent }) => [request.headers.get("x-trace"), sent])).toEqual(Array(2).fill(["t-1", JSON.stringify(body)]));
  });

  it("gives openapi-fetch standard requests once a middleware is installed, so that one may rebuild the request from the one it gets", async () => {
    const fetch = recordingFetch(jsonResponse(503, {}), jsonResponse(200, customer));
    const piriod = testClient({ fetch });
    const { seen, onRequest } = rebuildingMiddleware("t-2");
    piriod.raw.use({ onRequest });
    await expect(piriod.customers.update(CUSTOMER_ID, body)).resolves.toEqual(customer);
    expect(seen.map((request) => Object.getPrototypeOf(request) === LightRequest.prototype)).toEqual([false]);
    expect(fetch.requests.map(({ request, body: sent }) => [request.method, request.headers.get("x-trace"), request.headers.get("x-simple-workspace"), sent])).toEqual(
      Array(2).fill(["PATCH", "t-2", "acc_01H8XYZ123ABC", JSON.stringify(body)]),
    );
  });

  it("gives a call's own middleware a standard request too", async () => {
    const fetch = recordingFetch(jsonResponse(200, customer));
    const piriod = testClient({ fetch });
    const { onRequest } = rebuildingMiddleware("t-4");
    const { data } = await piriod.raw.PATCH("/customers/{id}/", { params: { path: { id: CUSTOMER_ID } }, body, middleware: [{ onRequest }] });
    expect(data).toEqual(customer);
    expect(fetch.requests.map(({ request, body: sent }) => [request.headers.get("x-trace"), sent])).toEqual([["t-4", JSON.stringify(body)]]);
  });
});

describe("BufferedResponse", () => {
  const bytes = new TextEncoder().encode('{"id":"cus_1"}');
  const response = () => new BufferedResponse(200, "OK", new Headers({ "content-type": "application/json" }), bytes, URL_) as unknown as Response;

  it("passes for a Response and serves the members it does not implement from a standard one", async () => {
    const buffered = response();
    expect(buffered).toBeInstanceOf(Response);
    expect([buffered.status, buffered.statusText, buffered.ok, buffered.url, buffered.redirected]).toEqual([200, "OK", true, URL_, false]);
    expect((await buffered.blob()).size).toBe(bytes.length);
    expect(buffered.body).toBeInstanceOf(ReadableStream);
  });

  it("reads its body as text, JSON and bytes, more than once", async () => {
    const buffered = response();
    expect(await buffered.json()).toEqual({ id: "cus_1" });
    expect(await buffered.text()).toBe('{"id":"cus_1"}');
    expect(new Uint8Array(await buffered.arrayBuffer())).toEqual(bytes);
    expect(await buffered.clone().json()).toEqual({ id: "cus_1" });
  });

  it("has no body for a 204, as a standard Response", async () => {
    const empty = new BufferedResponse(204, "No Content", new Headers(), bytes, URL_) as unknown as Response;
    expect([await empty.text(), empty.body]).toEqual(["", null]);
  });

  it("is accepted back from a middleware's onResponse, which openapi-fetch checks with instanceof Response", async () => {
    const piriod = testClient({ fetch: recordingFetch(jsonResponse(200, customer)) });
    piriod.raw.use({ onResponse: ({ response }) => response });
    await expect(piriod.customers.update(CUSTOMER_ID, body)).resolves.toEqual(customer);
  });
});

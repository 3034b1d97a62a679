import { describe, expect, it } from "vitest";
import { PiriodConnectionError } from "../../src/errors.js";
import {
  API_KEY,
  body,
  CUSTOMER_ID,
  customer,
  jsonResponse,
  rebuildingMiddleware,
  recordingFetch,
  testClient,
  WORKSPACE,
} from "../helpers/client-fixtures.ts";
import { defined } from "../helpers/defined.ts";

// `piriod.raw`: openapi-fetch's `{ data, error, response }` style over the client's transport,
// authentication, injected headers and retries.
describe("piriod.raw", () => {
  it("sends the injected headers without the call passing any", async () => {
    const fetch = recordingFetch(jsonResponse(200, customer));
    const { data, error, response } = await testClient({ fetch, testMode: true }).raw.PATCH("/customers/{id}/", {
      params: { path: { id: CUSTOMER_ID } },
      body,
    });
    expect([data, error, response.status]).toEqual([customer, undefined, 200]);
    const { headers } = defined(fetch.requests[0], "the request sent").request;
    expect([
      headers.get("authorization"),
      headers.get("x-simple-workspace"),
      headers.get("x-piriod-test-mode"),
    ]).toEqual([`Token ${API_KEY}`, WORKSPACE, "true"]);
  });

  it("lets a call override an injected header", async () => {
    const fetch = recordingFetch(jsonResponse(200, customer));
    await testClient({ fetch }).raw.PATCH("/customers/{id}/", {
      params: { path: { id: CUSTOMER_ID }, header: { "x-piriod-test-mode": true } },
      body,
    });
    expect(defined(fetch.requests[0], "the request sent").request.headers.get("x-piriod-test-mode")).toBe("true");
  });

  it("returns HTTP errors as { error, response } after the client's retries", async () => {
    const fetch = recordingFetch(jsonResponse(503, { detail: "Busy." }), jsonResponse(404, { detail: "Not found." }));
    const { data, error, response } = await testClient({ fetch }).raw.PATCH("/customers/{id}/", {
      params: { path: { id: CUSTOMER_ID } },
      body,
    });
    expect([data, error, response.status]).toEqual([undefined, { detail: "Not found." }, 404]);
    expect(fetch.requests).toHaveLength(2);
  });

  it("throws the client's typed error when no response comes", async () => {
    const fetch = recordingFetch(new TypeError("fetch failed"));
    const call = testClient({ fetch, maxRetries: 1 }).raw.PATCH("/customers/{id}/", {
      params: { path: { id: CUSTOMER_ID } },
      body,
    });
    await expect(call).rejects.toBeInstanceOf(PiriodConnectionError);
    expect(fetch.requests).toHaveLength(2);
  });

  it("skips request validation: a body that breaks the schema is sent as it is, and Piriod judges it", async () => {
    const fetch = recordingFetch(jsonResponse(400, { name: ["Ensure this field has no more than 100 characters."] }));
    const tooLong = { ...body, name: "x".repeat(101) };
    const { error, response } = await testClient({ fetch }).raw.PATCH("/customers/{id}/", {
      params: { path: { id: CUSTOMER_ID } },
      body: tooLong,
    });
    expect(response.status).toBe(400);
    expect(error).toEqual({ name: ["Ensure this field has no more than 100 characters."] });
    expect(JSON.parse(defined(fetch.requests[0], "the request sent").body).name).toHaveLength(101);
  });

  it("lets a middleware replace the request with a standard one, whose body is re-sent on every retry", async () => {
    const fetch = recordingFetch(jsonResponse(503, {}), jsonResponse(200, customer));
    const piriod = testClient({ fetch });
    piriod.raw.use({
      onRequest: async ({ request }) => {
        const headers = new Headers(request.headers);
        headers.set("x-trace", "t-1");
        return new Request(request.url, { method: request.method, headers, body: await request.text() });
      },
    });
    const { data } = await piriod.raw.PATCH("/customers/{id}/", { params: { path: { id: CUSTOMER_ID } }, body });
    expect(data).toEqual(customer);
    expect(fetch.requests.map(({ request, body: sent }) => [request.headers.get("x-trace"), sent])).toEqual(
      Array(2).fill(["t-1", JSON.stringify(body)]),
    );
  });

  it("gives middleware standard requests it may rebuild from, keeping the injected headers on every attempt", async () => {
    const fetch = recordingFetch(jsonResponse(503, {}), jsonResponse(200, customer));
    const piriod = testClient({ fetch });
    const { seen, onRequest } = rebuildingMiddleware("t-2");
    piriod.raw.use({ onRequest });
    await piriod.raw.PATCH("/customers/{id}/", { params: { path: { id: CUSTOMER_ID } }, body });
    const first = defined(seen[0], "the request the middleware saw");
    expect(Object.getPrototypeOf(Object.getPrototypeOf(first))).toBe(Request.prototype);
    expect(
      fetch.requests.map(({ request, body: sent }) => [
        request.method,
        request.headers.get("x-trace"),
        request.headers.get("x-simple-workspace"),
        sent,
      ]),
    ).toEqual(Array(2).fill(["PATCH", "t-2", WORKSPACE, JSON.stringify(body)]));
  });

  it("gives a call's own middleware a standard request too", async () => {
    const fetch = recordingFetch(jsonResponse(200, customer));
    const { onRequest } = rebuildingMiddleware("t-4");
    const { data } = await testClient({ fetch }).raw.PATCH("/customers/{id}/", {
      params: { path: { id: CUSTOMER_ID } },
      body,
      middleware: [{ onRequest }],
    });
    expect(data).toEqual(customer);
    expect(fetch.requests.map(({ request, body: sent }) => [request.headers.get("x-trace"), sent])).toEqual([
      ["t-4", JSON.stringify(body)],
    ]);
  });

  it("accepts the response back from a middleware's onResponse, which openapi-fetch checks with instanceof Response", async () => {
    const piriod = testClient({ fetch: recordingFetch(jsonResponse(200, customer)) });
    piriod.raw.use({ onResponse: ({ response }) => response });
    const { data } = await piriod.raw.GET("/customers/{id}/", { params: { path: { id: CUSTOMER_ID } } });
    expect(data).toEqual(customer);
  });

  it("runs for raw's calls only: the resource methods have a call path of their own", async () => {
    const fetch = recordingFetch(jsonResponse(200, customer));
    const piriod = testClient({ fetch });
    const { seen, onRequest } = rebuildingMiddleware("t-5");
    piriod.raw.use({ onRequest });
    await piriod.customers.update(CUSTOMER_ID, body);
    expect(seen).toEqual([]);
    expect(defined(fetch.requests[0], "the request sent").request.headers.get("x-trace")).toBeNull();
  });
});

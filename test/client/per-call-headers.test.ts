import { describe, expect, it } from "vitest";
import { createPiriodClient, PiriodError, type RequestOptions } from "../../src/index.js";
import { API_KEY, CUSTOMER_ID, customer, jsonResponse, recordingFetch, WORKSPACE } from "../helpers/client-fixtures.ts";
import { defined } from "../helpers/defined.ts";

const client = (fetch: ReturnType<typeof recordingFetch>, headers: Record<string, string> = {}) =>
  createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, fetch, maxRetries: 0, headers });

const sentHeaders = (fetch: ReturnType<typeof recordingFetch>, index = 0) =>
  Object.fromEntries(defined(fetch.requests[index], `request ${index}`).request.headers);

describe("per-call headers", () => {
  it("are sent with the call, over the client's headers whatever the case of either", async () => {
    const fetch = recordingFetch(jsonResponse(200, customer));
    const piriod = client(fetch, { "X-Team": "billing", "x-source": "app" });
    await piriod.customers.retrieve(CUSTOMER_ID, { headers: { "x-team": "sync", "X-Trace": "abc" } });
    expect(sentHeaders(fetch)).toMatchObject({
      "x-team": "sync",
      "x-source": "app",
      "x-trace": "abc",
      authorization: `Token ${API_KEY}`,
      "x-simple-workspace": WORKSPACE,
    });
  });

  it("apply to that call alone", async () => {
    const fetch = recordingFetch(jsonResponse(200, customer));
    const piriod = client(fetch);
    await piriod.customers.retrieve(CUSTOMER_ID, { headers: { "x-trace": "abc" } });
    await piriod.customers.retrieve(CUSTOMER_ID);
    expect(sentHeaders(fetch, 1)).not.toHaveProperty("x-trace");
  });

  it("go with each page a list asks for after the first", async () => {
    const page = (next: string | null) =>
      jsonResponse(
        200,
        { count: 2, next, previous: null, results: [customer] },
        { "content-type": "application/json" },
      );
    const fetch = recordingFetch(page("https://api.piriod.com/customers/?page=2"), page(null));
    const items = [];
    for await (const item of client(fetch).customers.list({}, { headers: { "x-trace": "abc" } })) items.push(item);
    expect(items).toHaveLength(2);
    expect(fetch.requests.map(({ request }) => request.headers.get("x-trace"))).toEqual(["abc", "abc"]);
  });

  it.each([
    ["authorization", "Token sk_other", /"authorization" is set by the client; use the apiKey option/],
    ["X-Simple-Workspace", "acc_other", /"X-Simple-Workspace" is set by the client; use the workspace option/],
    ["x-piriod-test-mode", "true", /"x-piriod-test-mode" is set by the client; use the testMode option/],
    ["accept-encoding", "identity", /"accept-encoding" is set by the client/],
    ["content-length", "1", /"content-length" is set by the client/],
    ["x-trace", "a\r\nx-evil: 1", /the value of "x-trace" must be a string without line breaks/],
    ["bad name", "1", /"bad name" is not a valid header name/],
  ])("refuse %s as the headers option does, naming the call, sending nothing", async (name, value, message) => {
    const fetch = recordingFetch(jsonResponse(200, customer));
    const call = client(fetch).customers.retrieve(CUSTOMER_ID, { headers: { [name]: value } });
    await expect(call).rejects.toThrow(PiriodError);
    await expect(call).rejects.toThrow(/^customers\.retrieve: headers: /);
    await expect(call).rejects.toThrow(message);
    expect(fetch.requests).toEqual([]);
    expect(() => createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, headers: { [name]: value } })).toThrow(
      message,
    );
  });

  it("refuse headers that are no object of strings", async () => {
    const fetch = recordingFetch(jsonResponse(200, customer));
    const piriod = client(fetch);
    await expect(
      piriod.customers.retrieve(CUSTOMER_ID, { headers: "x-trace: abc" } as unknown as RequestOptions),
    ).rejects.toThrow(/^customers\.retrieve: headers must be an object/);
    await expect(
      piriod.customers.retrieve(CUSTOMER_ID, { headers: { "x-trace": 1 } } as unknown as RequestOptions),
    ).rejects.toThrow(/the value of "x-trace" must be a string/);
    expect(fetch.requests).toEqual([]);
  });
});

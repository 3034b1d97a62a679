import { describe, expect, it } from "vitest";
import {
  PiriodAbortError,
  PiriodNotFoundError,
  PiriodServerError,
  PiriodTimeoutError,
  PiriodValidationError,
} from "../../src/errors.js";
import * as fetchEntry from "../../src/index.js";
import * as nodeEntry from "../../src/node.js";
import {
  API_KEY,
  CUSTOMER_ID,
  customer,
  jsonResponse,
  recordingFetch,
  testClient,
  WORKSPACE,
} from "../helpers/client-fixtures.ts";
import { defined } from "../helpers/defined.ts";

// `customers.retrieve` shares `update`'s machinery: what it puts on the wire, how it encodes the
// id, its errors, retries, timeouts and test mode.
describe.each([
  ["the fetch entry", fetchEntry],
  ["the node entry", nodeEntry],
])("customers.retrieve through %s", (_entry, { createPiriodClient }) => {
  const setup = (
    options: Partial<Parameters<typeof createPiriodClient>[0]> = {},
    answer = jsonResponse(200, customer, { "x-request-id": "req_456" }),
  ) => {
    const fetch = recordingFetch(answer);
    return { fetch, piriod: createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, fetch, ...options }) };
  };

  it("sends GET /customers/{id}/ with its slash, the key and the workspace, no body, and resolves to the Customer", async () => {
    const { fetch, piriod } = setup();
    await expect(piriod.customers.retrieve(CUSTOMER_ID)).resolves.toEqual(customer);
    const [{ request, body }] = fetch.requests as [(typeof fetch.requests)[0]];
    expect(request.method).toBe("GET");
    expect(request.url).toBe(`https://api.piriod.com/customers/${CUSTOMER_ID}/`);
    expect(Object.fromEntries(request.headers)).toEqual({
      accept: "application/json",
      authorization: `Token ${API_KEY}`,
      "x-simple-workspace": WORKSPACE,
      // The Node entry names the client; the browser and worker entry sends nothing extra.
      ...(createPiriodClient === nodeEntry.createPiriodClient
        ? { "user-agent": expect.stringMatching(/^@piriod\/api\//) }
        : {}),
    });
    expect(body).toBe("");
  });

  it("sends x-piriod-test-mode when test mode is on, and lets a call override the client", async () => {
    const header = async (clientTestMode: boolean, callTestMode?: boolean) => {
      const { fetch, piriod } = setup({ testMode: clientTestMode });
      await piriod.customers.retrieve(CUSTOMER_ID, callTestMode === undefined ? {} : { testMode: callTestMode });
      return defined(fetch.requests[0], "the request sent").request.headers.get("x-piriod-test-mode");
    };
    expect([await header(false), await header(true), await header(true, false), await header(false, true)]).toEqual([
      null,
      "true",
      null,
      "true",
    ]);
  });

  it.each(["cus_a/b", "cus_a?b=c", "cus_a#b", "cus_100%", "cus a b", "cus_ñandú", "..."])(
    "carries the id %j intact as one path segment",
    async (id) => {
      const { fetch, piriod } = setup();
      await piriod.customers.retrieve(id);
      const { pathname, search, hash } = new URL(defined(fetch.requests[0], "the request sent").request.url);
      const segments = pathname.split("/");
      expect([search, hash, segments.length]).toEqual(["", "", 4]);
      expect(decodeURIComponent(defined(segments[2], "the id's segment"))).toBe(id);
    },
  );

  it.each([[""], [" "], ["."], [".."]])("refuses the id %j before sending, naming the call", async (id) => {
    const { fetch, piriod } = setup();
    const error = await piriod.customers.retrieve(id).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PiriodValidationError);
    expect((error as Error).message).toMatch(/^customers\.retrieve/);
    expect(fetch.requests).toEqual([]);
  });

  it("gives the response and its request id with .withResponse()", async () => {
    const { piriod } = setup();
    const { data, response, requestId } = await piriod.customers.retrieve(CUSTOMER_ID).withResponse();
    expect([data, response.status, requestId]).toEqual([customer, 200, "req_456"]);
  });

  it("rejects a missing customer with PiriodNotFoundError, naming the call", async () => {
    const { piriod } = setup({}, jsonResponse(404, { detail: "Not found." }));
    const error = await piriod.customers.retrieve(CUSTOMER_ID).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PiriodNotFoundError);
    expect(error).toMatchObject({ status: 404, body: { detail: "Not found." } });
    expect((error as Error).message).toContain(`GET /customers/${CUSTOMER_ID}/`);
  });

  it("refuses a body that breaks the schema when response validation is on", async () => {
    const { piriod } = setup({ validate: { response: true } }, jsonResponse(200, { ...customer, status: "deleted" }));
    await expect(piriod.customers.retrieve(CUSTOMER_ID)).rejects.toMatchObject({
      name: "PiriodResponseValidationError",
    });
  });
});

describe("customers.retrieve retries and timeouts", () => {
  it("retries a 503 and resolves with the next answer", async () => {
    const fetch = recordingFetch(jsonResponse(503, { detail: "busy" }), jsonResponse(200, customer));
    const piriod = testClient({ fetch });
    await expect(piriod.customers.retrieve(CUSTOMER_ID)).resolves.toEqual(customer);
    expect(fetch.requests.map(({ request }) => request.method)).toEqual(["GET", "GET"]);
    expect(piriod.sleep.waits).toHaveLength(1);
  });

  it("gives up after maxRetries more attempts with the last error", async () => {
    const fetch = recordingFetch(jsonResponse(500, { detail: "A server error occurred." }));
    const piriod = testClient({ fetch, maxRetries: 2 });
    await expect(piriod.customers.retrieve(CUSTOMER_ID)).rejects.toBeInstanceOf(PiriodServerError);
    expect(fetch.requests).toHaveLength(3);
  });

  it("gives every attempt its own timeout, and a call may change it", async () => {
    // A fetch that never answers and ignores its signal: only the client can end the attempt.
    const fetch = recordingFetch(() => new Promise<Response>(() => {}));
    const piriod = testClient({ fetch, maxRetries: 1, timeoutMs: 60_000 });
    await expect(piriod.customers.retrieve(CUSTOMER_ID, { timeoutMs: 20 })).rejects.toBeInstanceOf(PiriodTimeoutError);
    expect(fetch.requests).toHaveLength(2);
  });

  it("stops at once when the caller aborts, without retrying", async () => {
    const controller = new AbortController();
    const fetch = recordingFetch(() => new Promise<Response>(() => {}));
    const piriod = testClient({ fetch });
    const pending = piriod.customers.retrieve(CUSTOMER_ID, { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    await expect(pending).rejects.toBeInstanceOf(PiriodAbortError);
    expect(fetch.requests).toHaveLength(1);
  });
});

import { describe, expect, it } from "vitest";
import * as fetchEntry from "../../src/index.js";
import * as nodeEntry from "../../src/node.js";
import {
  API_KEY,
  body,
  CUSTOMER_ID,
  customer,
  jsonResponse,
  recordingFetch,
  WORKSPACE,
} from "../helpers/client-fixtures.ts";
import { defined } from "../helpers/defined.ts";

// What `customers.update` puts on the wire, seen by an injected fetch. The entry points share the
// client, so each case runs against each.
describe.each([
  ["the fetch entry", fetchEntry],
  ["the node entry", nodeEntry],
])("customers.update through %s", (_entry, { createPiriodClient, PiriodValidationError }) => {
  const setup = (
    options: Partial<Parameters<typeof createPiriodClient>[0]> = {},
    answer = jsonResponse(200, customer, { "x-request-id": "req_123" }),
  ) => {
    const fetch = recordingFetch(answer);
    return { fetch, piriod: createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, fetch, ...options }) };
  };

  it("sends PATCH /customers/{id}/ with its slash, the key, the workspace and JSON headers, and resolves to the Customer", async () => {
    const { fetch, piriod } = setup();
    await expect(piriod.customers.update(CUSTOMER_ID, body)).resolves.toEqual(customer);
    const [{ request, body: sent }] = fetch.requests as [(typeof fetch.requests)[0]];
    expect(request.method).toBe("PATCH");
    expect(request.url).toBe(`https://api.piriod.com/customers/${CUSTOMER_ID}/`);
    expect(Object.fromEntries(request.headers)).toEqual({
      accept: "application/json",
      authorization: `Token ${API_KEY}`,
      "content-type": "application/json",
      "x-simple-workspace": WORKSPACE,
      // The Node entry names the client; the browser and worker entry sends nothing extra.
      ...(createPiriodClient === nodeEntry.createPiriodClient
        ? { "user-agent": expect.stringMatching(/^@piriod\/api\//) }
        : {}),
    });
    expect(JSON.parse(sent)).toEqual(body);
  });

  it("hands a caller's fetch a standard Request", async () => {
    const { fetch, piriod } = setup();
    await piriod.customers.update(CUSTOMER_ID, body);
    const { request } = defined(fetch.requests[0], "the request sent");
    expect(Object.getPrototypeOf(request)).toBe(Request.prototype);
    expect(request.body).toBeInstanceOf(ReadableStream);
  });

  it("sends x-piriod-test-mode when test mode is on, and lets a call override the client", async () => {
    const testModeHeader = async (clientTestMode: boolean, callTestMode?: boolean) => {
      const { fetch, piriod } = setup({ testMode: clientTestMode });
      await piriod.customers.update(CUSTOMER_ID, body, callTestMode === undefined ? {} : { testMode: callTestMode });
      return defined(fetch.requests[0], "the request sent").request.headers.get("x-piriod-test-mode");
    };
    expect(await testModeHeader(false)).toBeNull();
    expect(await testModeHeader(true)).toBe("true");
    expect(await testModeHeader(true, false)).toBeNull();
    expect(await testModeHeader(false, true)).toBe("true");
  });

  it("adds the extra headers and keeps a base URL's path", async () => {
    const { fetch, piriod } = setup({
      headers: { "x-team": "billing" },
      baseUrl: "https://gateway.example.com/piriod/",
    });
    await piriod.customers.update(CUSTOMER_ID, body);
    const { request } = defined(fetch.requests[0], "the request sent");
    expect(request.url).toBe(`https://gateway.example.com/piriod/customers/${CUSTOMER_ID}/`);
    expect(request.headers.get("x-team")).toBe("billing");
  });

  it.each([
    "cus_a/b",
    "cus_a?b=c",
    "cus_a#b",
    "cus_100%",
    "cus_%2F",
    "cus a b",
    "cus_ñandú",
    "cus_🧾",
    "...",
    "a..",
    "cus_..",
  ])("carries the id %j intact as one path segment", async (id) => {
    const { fetch, piriod } = setup();
    await piriod.customers.update(id, body);
    const { pathname, search, hash } = new URL(defined(fetch.requests[0], "the request sent").request.url);
    const segments = pathname.split("/");
    expect([search, hash]).toEqual(["", ""]);
    expect(segments).toHaveLength(4);
    const idSegment = defined(segments[2], "the id's segment");
    expect([segments[1], decodeURIComponent(idSegment), segments[3]]).toEqual(["customers", id, ""]);
  });

  it.each([
    ["", /must not be empty or blank/],
    ["  \t", /must not be empty or blank/],
    [".", /cannot be "\."/],
    ["..", /cannot be "\.\."/],
    ["cus_\uD800", /lone surrogate/],
    [null, /must be a string, got null/],
    [42, /must be a string, got number/],
  ])("refuses the id %j before sending", async (id, message) => {
    const { fetch, piriod } = setup();
    const error = await piriod.customers.update(id as string, body).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PiriodValidationError);
    expect((error as Error).message).toMatch(message);
    expect(fetch.requests).toEqual([]);
  });

  it("refuses a body that breaks the schema before sending, listing every violation", async () => {
    const { fetch, piriod } = setup();
    const broken = { ...body, name: undefined, email: "not-an-email", nickname: "Andes" } as unknown as typeof body;
    const error = await piriod.customers.update(CUSTOMER_ID, broken).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PiriodValidationError);
    expect((error as InstanceType<typeof PiriodValidationError>).errors).toEqual([
      { path: "/name", keyword: "required", params: { missingProperty: "name" }, message: "/name is required" },
      {
        path: "/nickname",
        keyword: "additionalProperties",
        params: { additionalProperty: "nickname" },
        message: expect.stringContaining("/nickname"),
      },
      { path: "/email", keyword: "format", params: { format: "email" }, message: "/email must be a valid email" },
    ]);
    expect((error as Error).message).toContain("/email must be a valid email");
    expect(fetch.requests).toEqual([]);
  });

  it("sends the body as it is when request validation is off", async () => {
    const { fetch, piriod } = setup({ validate: { request: false } });
    await piriod.customers.update(CUSTOMER_ID, { ...body, nickname: "Andes" } as typeof body);
    expect(JSON.parse(defined(fetch.requests[0], "the request sent").body)).toMatchObject({ nickname: "Andes" });
  });

  it("gives the response, its status and its request id with .withResponse()", async () => {
    const { piriod } = setup();
    const { data, response, requestId } = await piriod.customers.update(CUSTOMER_ID, body).withResponse();
    expect(data).toEqual(customer);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(requestId).toBe("req_123");
  });

  it("answers with the spec's Customer when response validation is on and the body matches", async () => {
    const { piriod } = setup({ validate: { response: true } });
    await expect(piriod.customers.update(CUSTOMER_ID, body)).resolves.toEqual(customer);
  });

  it("keeps fields the schema does not know when response validation is on (tolerant reader)", async () => {
    const { piriod } = setup(
      { validate: { response: true } },
      jsonResponse(200, { ...customer, loyalty_tier: "gold" }),
    );
    await expect(piriod.customers.update(CUSTOMER_ID, body)).resolves.toMatchObject({ loyalty_tier: "gold" });
  });
});

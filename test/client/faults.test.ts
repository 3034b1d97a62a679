import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/prism-server.ts";
import {
  PiriodAbortError,
  PiriodApiError,
  PiriodConnectionError,
  PiriodError,
  PiriodRateLimitError,
  PiriodResponseValidationError,
  PiriodServerError,
  PiriodTimeoutError,
} from "../../src/errors.js";
import { abortableSleep } from "../../src/send.js";
import {
  body,
  CUSTOMER_ID,
  customer,
  type RecordingSleep,
  recordingSleep,
  testClient,
} from "../helpers/client-fixtures.ts";
import { expectNoApiKey } from "../helpers/client-secrets.ts";
import { expectNoUnhandledRejections } from "../helpers/client-unhandled.ts";
import {
  type Answer,
  closeMidBody,
  type FaultServer,
  json,
  reply,
  resetMidBody,
  slowBody,
  slowHeaders,
  startFaultServer,
} from "../helpers/http-fault-server.ts";

// The client against a real node:http server that misbehaves on purpose. Each case checks the
// error class, how many attempts reached the server, and (for the whole file) that no rejection
// is left unhandled.
let server: FaultServer;
beforeAll(async () => (server = await startFaultServer()));
afterAll(() => server.close());
beforeEach(() => {
  server.received.length = 0;
});
expectNoUnhandledRejections();

const TIMEOUT_MS = 200;
const client = (options = {}, sleep?: RecordingSleep) =>
  testClient({ baseUrl: server.url, maxRetries: 2, timeoutMs: TIMEOUT_MS, ...options }, sleep);

async function failure(promise: Promise<unknown>): Promise<PiriodError> {
  const error = await promise.then(
    () => expect.fail("the call succeeded"),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PiriodError);
  expectNoApiKey(error);
  return error as PiriodError;
}

type ErrorClass = abstract new (...args: never[]) => PiriodError;

const HTML = "<html><body><h1>502 Bad Gateway</h1></body></html>";
const TRUNCATED = '{"name": "Comercializadora Andes SpA", "country": {"id": "C';

describe.each<{ fault: string; answer: Answer; error: ErrorClass; attempts: number; body?: unknown; options?: object }>(
  [
    {
      fault: "a 500 with a JSON body",
      answer: json(500, { detail: "Server error." }),
      error: PiriodServerError,
      attempts: 3,
      body: { detail: "Server error." },
    },
    {
      fault: "a 502 with an HTML body",
      answer: reply(502, HTML, { "content-type": "text/html" }),
      error: PiriodServerError,
      attempts: 3,
      body: HTML,
    },
    { fault: "a 503 with an empty body", answer: reply(503, ""), error: PiriodServerError, attempts: 3, body: "" },
    {
      fault: "a 429 asking for a wait over 60 s",
      answer: json(429, { detail: "Slow down." }, { "retry-after": "120" }),
      error: PiriodRateLimitError,
      attempts: 1,
    },
    { fault: "a connection reset mid-body", answer: resetMidBody(), error: PiriodConnectionError, attempts: 3 },
    {
      fault: "a connection closed before the promised Content-Length",
      answer: closeMidBody(),
      error: PiriodConnectionError,
      attempts: 3,
    },
    { fault: "slow headers", answer: slowHeaders(5_000), error: PiriodTimeoutError, attempts: 3 },
    { fault: "a slow body", answer: slowBody(5_000), error: PiriodTimeoutError, attempts: 3 },
    {
      fault: "truncated JSON in a complete 200",
      answer: reply(200, TRUNCATED, { "content-type": "application/json" }),
      error: PiriodResponseValidationError,
      attempts: 1,
      body: TRUNCATED,
    },
    {
      fault: "a 200 with a non-JSON content type",
      answer: reply(200, HTML, { "content-type": "text/html" }),
      error: PiriodResponseValidationError,
      attempts: 1,
      body: HTML,
    },
    {
      fault: "a 200 whose body breaks the schema, with response validation on",
      answer: json(200, { ...customer, country: "CL" }),
      error: PiriodResponseValidationError,
      attempts: 1,
      body: { ...customer, country: "CL" },
      options: { validate: { response: true } },
    },
  ],
)("$fault", ({ answer, error, attempts, body: expectedBody, options }) => {
  it(`rejects with ${error.name} after ${attempts} attempt(s)`, async () => {
    server.answer(answer);
    const thrown = await failure(client(options).customers.update(CUSTOMER_ID, body));
    expect(thrown).toBeInstanceOf(error);
    expect(thrown.name).toBe(error.name);
    expect(server.received).toHaveLength(attempts);
    if (expectedBody !== undefined) expect((thrown as unknown as { body: unknown }).body).toEqual(expectedBody);
  });
});

describe("retries", () => {
  it("waits as long as a 429's Retry-After in seconds asks, then succeeds", async () => {
    server.answer(json(429, { detail: "Slow down." }, { "retry-after": "2" }), json(200, customer));
    const piriod = client();
    await expect(piriod.customers.update(CUSTOMER_ID, body)).resolves.toEqual(customer);
    expect(server.received).toHaveLength(2);
    expect(piriod.sleep.waits).toEqual([2_000]);
  });

  it("waits until a 429's Retry-After HTTP date, then succeeds", async () => {
    const inFiveSeconds = new Date(Date.now() + 5_000).toUTCString();
    server.answer(json(429, { detail: "Slow down." }, { "retry-after": inFiveSeconds }), json(200, customer));
    const piriod = client();
    await expect(piriod.customers.update(CUSTOMER_ID, body)).resolves.toEqual(customer);
    expect(server.received).toHaveLength(2);
    // HTTP dates have whole seconds: the wait is what is left of the 5 s, give or take one.
    expect(piriod.sleep.waits[0]).toBeGreaterThan(3_000);
    expect(piriod.sleep.waits[0]).toBeLessThanOrEqual(5_000);
  });

  it("backs off 0.5 s then 1 s (less up to a quarter) when the server gives no Retry-After", async () => {
    server.answer(json(500, { detail: "Server error." }));
    const piriod = client();
    await failure(piriod.customers.update(CUSTOMER_ID, body));
    const [first, second] = piriod.sleep.waits;
    expect(first).toBeGreaterThanOrEqual(375);
    expect(first).toBeLessThanOrEqual(500);
    expect(second).toBeGreaterThanOrEqual(750);
    expect(second).toBeLessThanOrEqual(1_000);
  });

  it("re-sends the body byte for byte on every attempt", async () => {
    const accented = { ...body, name: "Ñandú Ltda. 🧾", address: "Pasaje Ñuñoa 5, depto. 3" };
    server.answer(reply(503, ""), resetMidBody(), json(200, customer));
    await client().customers.update(CUSTOMER_ID, accented);
    expect(server.received.map((request) => request.body)).toEqual(Array(3).fill(JSON.stringify(accented)));
    expect(server.received.map((request) => request.headers["content-length"])).toEqual(
      Array(3).fill(String(Buffer.byteLength(JSON.stringify(accented)))),
    );
  });

  it("gives every attempt its own timeout", async () => {
    // A timer shared by the whole call would have run out during the second attempt.
    server.answer(slowHeaders(5_000), slowHeaders(250, json(200, customer)));
    const piriod = client({ timeoutMs: 400 });
    await expect(piriod.customers.update(CUSTOMER_ID, body)).resolves.toEqual(customer);
    expect(server.received).toHaveLength(2);
  });

  it("retries a refused connection, then fails with PiriodConnectionError", async () => {
    const closedPort = await freePort();
    const piriod = testClient({ baseUrl: `http://127.0.0.1:${closedPort}`, maxRetries: 2 });
    const thrown = await failure(piriod.customers.update(CUSTOMER_ID, body));
    expect(thrown).toBeInstanceOf(PiriodConnectionError);
    expect(thrown).not.toBeInstanceOf(PiriodTimeoutError);
    expect(thrown.message).toMatch(/ECONNREFUSED/);
    expect(thrown.message).toMatch(/3 attempts/);
    expect(piriod.sleep.waits).toHaveLength(2);
  });
});

describe("aborting", () => {
  it("stops a retry wait at once, with PiriodAbortError", async () => {
    // The real wait: 50 s outlasts the test's own timeout unless the abort cuts it short.
    server.answer(json(503, { detail: "Busy." }, { "retry-after": "50" }));
    const piriod = client({ timeoutMs: 10_000 }, recordingSleep(abortableSleep));
    const controller = new AbortController();
    const call = piriod.customers.update(CUSTOMER_ID, body, { signal: controller.signal });
    await until(() => piriod.sleep.waits.length === 1);
    controller.abort();
    expect(await failure(call)).toBeInstanceOf(PiriodAbortError);
    expect(piriod.sleep.waits).toEqual([50_000]);
    expect(server.received).toHaveLength(1);
  });

  it("stops an attempt in flight and never retries it", async () => {
    server.answer(slowHeaders(5_000));
    const controller = new AbortController();
    const piriod = client({ timeoutMs: 10_000 });
    const call = piriod.customers.update(CUSTOMER_ID, body, { signal: controller.signal });
    await until(() => server.received.length === 1);
    controller.abort();
    expect(await failure(call)).toBeInstanceOf(PiriodAbortError);
    expect(server.received).toHaveLength(1);
    expect(piriod.sleep.waits).toEqual([]);
  });
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("a redirect", () => {
  it("is not followed: one attempt, and the error names where it pointed", async () => {
    server.answer(reply(301, "", { location: "https://api.piriod.example/customers/cus_01H8XYZ123ABC/" }));
    const error = await failure(client().customers.update(CUSTOMER_ID, body));
    expect(error).toBeInstanceOf(PiriodApiError);
    expect((error as PiriodApiError).status).toBe(301);
    expect(error.message).toContain(
      "failed with 301: redirected to https://api.piriod.example/customers/cus_01H8XYZ123ABC/ (not followed: set baseUrl to where the API answers)",
    );
    expect(server.received).toHaveLength(1);
  });
});

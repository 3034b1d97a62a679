import { describe, expect, it } from "vitest";
import {
  PiriodAbortError,
  PiriodConnectionError,
  PiriodError,
  PiriodRateLimitError,
  PiriodServerError,
} from "../../src/index.ts";
import { createPiriodFake } from "../../src/testing/index.ts";
import { customerBody, fakeAndClient, send } from "../helpers/fake-client.ts";

describe("faults on demand", () => {
  it("answers the next call of the operation with the status, once; then normal service", async () => {
    const { fake, piriod } = fakeAndClient();
    fake.failNext("customers.list", { status: 503, headers: { "retry-after": "7" } });
    const error = await piriod.customers.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PiriodServerError);
    expect((error as PiriodServerError).headers.get("retry-after")).toBe("7");
    expect((await piriod.customers.list()).count).toBe(0);
  });

  it("is for that operation only, and several queue up in order", async () => {
    const fake = createPiriodFake();
    fake.failNext("customers.retrieve", { status: 500 });
    fake.failNext("customers.retrieve", { status: 502 });
    expect((await send(fake, "/customers/")).status).toBe(200);
    expect((await send(fake, "/customers/cus_X/")).status).toBe(500);
    expect((await send(fake, "/customers/cus_X/")).status).toBe(502);
    expect((await send(fake, "/customers/cus_X/")).status).toBe(404);
  });

  it("lets the client retry a 429 with Retry-After, and records both tries", async () => {
    const { fake, piriod } = fakeAndClient({}, { maxRetries: 2 });
    fake.failNext("customers.create", { status: 429, headers: { "retry-after": "0" } });
    const created = await piriod.customers.create(customerBody());
    expect(created.id).toMatch(/^cus_/);
    expect(fake.requests.map((request) => request.status)).toEqual([429, 201]);
    expect((await piriod.customers.list()).count).toBe(1);
  });

  it("sends Django's HTML page for a 5xx without a body, which the client summarises by its title", async () => {
    const { fake, piriod } = fakeAndClient();
    fake.failNext("customers.list", { status: 500 });
    const response = await send(fake, "/customers/");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    fake.failNext("customers.list", { status: 500 });
    const error = await piriod.customers.list().catch((caught: unknown) => caught);
    expect((error as Error).message).toContain("Server Error (500)");
    expect(await response.text()).toContain("<title>Server Error (500)</title>");
  });

  it("sends a given body: an object as JSON, a string as text or HTML", async () => {
    const { fake, piriod } = fakeAndClient();
    fake.failNext("customers.list", {
      status: 429,
      body: { detail: "Request was throttled. Expected available in 2 seconds." },
    });
    const error = await piriod.customers.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PiriodRateLimitError);
    expect((error as PiriodRateLimitError).body).toEqual({
      detail: "Request was throttled. Expected available in 2 seconds.",
    });
    fake.failNext("customers.list", { status: 502, body: "Bad gateway" });
    const text = await send(fake, "/customers/");
    expect([text.headers.get("content-type"), await text.text()]).toEqual(["text/plain; charset=utf-8", "Bad gateway"]);
  });

  it("drops the connection: fetch rejects as a network failure does, and the client raises its connection error", async () => {
    const { fake, piriod } = fakeAndClient();
    fake.failNext("customers.list", { drop: true });
    await expect(send(fake, "/customers/")).rejects.toThrow(TypeError);
    fake.failNext("customers.list", { drop: true });
    await expect(piriod.customers.list()).rejects.toBeInstanceOf(PiriodConnectionError);
    expect(fake.requests.map((request) => request.status)).toEqual([0, 0]);
  });

  it("delays an answer, then serves it; the caller's abort ends the wait", async () => {
    const { fake, piriod } = fakeAndClient();
    fake.failNext("customers.list", { delay: 30 });
    const started = performance.now();
    expect((await piriod.customers.list()).count).toBe(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    fake.failNext("customers.list", { delay: 60_000 });
    const controller = new AbortController();
    const call = piriod.customers.list(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(call).rejects.toBeInstanceOf(PiriodAbortError);
  });

  it.each([
    [
      "customers.archive",
      { status: 500 },
      'failNext: no operation "customers.archive"; the spec has customers.list, customers.create',
    ],
    ["customers.list", {}, "failNext: the fault needs a status, a delay, drop: true or headers"],
    ["customers.list", { status: 42 }, "failNext: status must be a whole number from 200 to 599, not 42"],
    ["customers.list", { status: 101 }, "failNext: status must be a whole number from 200 to 599, not 101"],
    ["customers.list", { status: 199 }, "failNext: status must be a whole number from 200 to 599, not 199"],
    ["customers.list", { status: 500, drop: true }, "failNext: a dropped connection has no status"],
    ["customers.list", { delay: -1 }, "failNext: delay must be a number of milliseconds from 0 to 2147483647, not -1"],
    [
      "customers.list",
      { delay: 2 ** 31 },
      "failNext: delay must be a number of milliseconds from 0 to 2147483647, not 2147483648",
    ],
    [
      "customers.list",
      { status: 503, headers: { "retry-after": "1\r\nset-cookie: session=stolen" } },
      'failNext: headers: the value of "retry-after" must be a string without line breaks or control characters',
    ],
    [
      "customers.list",
      { status: 503, headers: { "retry after": "1" } },
      'failNext: headers: "retry after" is not a valid header name',
    ],
    [
      "customers.list",
      { status: 503, headers: { "Content-Length": "1" } },
      'failNext: headers: "Content-Length" frames the answer, and the fake writes it itself',
    ],
    [
      "customers.list",
      { status: 500, body: { count: 1n } },
      "failNext: body must be a string or a value JSON can write: Do not know how to serialize a BigInt",
    ],
    [
      "customers.list",
      { status: 503, headers: { "retry-after": 5 } },
      "failNext: headers must be an object of strings",
    ],
  ])("refuses failNext(%s, %o), saying why", (operation, fault, message) => {
    const fake = createPiriodFake();
    expect(() => fake.failNext(operation as never, fault as never)).toThrow(PiriodError);
    expect(() => fake.failNext(operation as never, fault as never)).toThrow(message);
  });

  it("takes the edges of each range: a 200 and the longest delay a timer keeps", async () => {
    const { fake, piriod } = fakeAndClient();
    fake.failNext("customers.list", { status: 200, body: { count: 0, next: null, previous: null, results: [] } });
    expect((await piriod.customers.list()).count).toBe(0);
    expect(() => fake.failNext("customers.list", { delay: 2 ** 31 - 1 })).not.toThrow();
    fake.reset();
  });
});

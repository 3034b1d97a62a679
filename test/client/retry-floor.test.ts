import { describe, expect, it } from "vitest";
import { PiriodError, PiriodRateLimitError, PiriodServerError } from "../../src/errors.js";
import type { PiriodClientOptions } from "../../src/options.js";
import { body, CUSTOMER_ID, transportClient } from "../helpers/client-fixtures.ts";
import { expectNoUnhandledRejections } from "../helpers/client-unhandled.ts";
import { faultServerOfFile } from "../helpers/fault-server-of-file.ts";
import { json } from "../helpers/http-fault-server.ts";

// Retries keep their floor: a server asking for no wait, or a wait in the past, gets the first
// backoff step, and maxRetries has a ceiling. Against a real local server through both transports,
// the waits recorded by the client's own sleep, never slept.
expectNoUnhandledRejections();

const server = faultServerOfFile();

describe.each(["node", "fetch"] as const)("through the %s transport", (transport) => {
  const client = (options: Partial<PiriodClientOptions> = {}) => {
    const piriod = transportClient(transport, { baseUrl: server.url, maxRetries: 2, ...options });
    return { piriod, sleep: piriod.sleep };
  };

  it.each([
    ["Retry-After: 0", { "retry-after": "0" }, 500],
    ["a Retry-After date in the past", { "retry-after": "Tue, 12 Mar 2024 14:00:00 GMT" }, 500],
    ["retry-after-ms: 0", { "retry-after-ms": "0" }, 500],
    ["retry-after-ms: 100", { "retry-after-ms": "100" }, 500],
    ["retry-after-ms: 700", { "retry-after-ms": "700" }, 700],
  ])("waits at least the first backoff step when a 429 asks for %s", async (_case, headers, wait) => {
    server.answer(json(429, { detail: "Slow down." }, headers));
    const { piriod, sleep } = client();
    await expect(piriod.customers.retrieve(CUSTOMER_ID)).rejects.toBeInstanceOf(PiriodRateLimitError);
    expect(sleep.waits).toEqual([wait, wait]);
    expect(server.received).toHaveLength(3);
  });

  it("retries a create at the floor too, when a 503 asks for no wait", async () => {
    server.answer(json(503, { detail: "Busy." }, { "retry-after": "0" }));
    const { piriod, sleep } = client();
    await expect(piriod.customers.create(body)).rejects.toBeInstanceOf(PiriodServerError);
    expect(sleep.waits).toEqual([500, 500]);
  });

  it("sends at most 11 attempts, with maxRetries at its ceiling of 10", async () => {
    server.answer(json(429, { detail: "Slow down." }, { "retry-after": "0" }));
    const { piriod, sleep } = client({ maxRetries: 10 });
    await expect(piriod.customers.retrieve(CUSTOMER_ID)).rejects.toBeInstanceOf(PiriodRateLimitError);
    expect(server.received).toHaveLength(11);
    expect(sleep.waits).toEqual(Array(10).fill(500));
  });

  it.each([
    ["the client's", (maxRetries: number) => client({ maxRetries }), "createPiriodClient"],
    ["withOptions'", (maxRetries: number) => client().piriod.withOptions({ maxRetries }), "withOptions"],
  ])("refuses %s maxRetries above 10, saying the bound", (_case, make, where) => {
    for (const maxRetries of [11, 1e9]) {
      expect(() => make(maxRetries)).toThrow(PiriodError);
      expect(() => make(maxRetries)).toThrow(`${where}: maxRetries must be a whole number from 0 to 10`);
    }
  });

  it("refuses a call's maxRetries above 10, sending nothing", async () => {
    const { piriod } = client();
    await expect(piriod.customers.retrieve(CUSTOMER_ID, { maxRetries: 1e9 })).rejects.toThrow(
      "customers.retrieve: maxRetries must be a whole number from 0 to 10",
    );
    expect(server.received).toEqual([]);
  });
});

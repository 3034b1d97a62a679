import pino from "pino";
import { describe, expect, it } from "vitest";
import { operations } from "../../generated/operations.js";
import { createClient } from "../../src/client.js";
import { fetchTransport } from "../../src/fetch-transport.js";
import type { PiriodClient } from "../../src/index.js";
import type { LogFields, Logger, LogLevel } from "../../src/log.js";
import type { PiriodClientOptions } from "../../src/options.js";
import {
  API_KEY,
  body,
  CUSTOMER_ID,
  customer,
  jsonResponse,
  recordingFetch,
  recordingSleep,
  WORKSPACE,
} from "../helpers/client-fixtures.ts";

// The logger gets a message and then an object of fields, console's order: each attempt at debug, a retry at info, a call that ends
// in a 4xx at warn, one that ends in a 5xx or without a response after its retries at error. No query value reaches it.

type Line = [level: LogLevel, message: string, fields: LogFields];

function recorder() {
  const lines: Line[] = [];
  const at = (level: LogLevel) => (message: string, fields: LogFields) => void lines.push([level, message, fields]);
  const logger: Logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
  return { lines, logger };
}

function client(fetch: ReturnType<typeof recordingFetch>, logger: Logger, options: Partial<PiriodClientOptions> = {}) {
  return createClient<PiriodClient>(
    operations,
    { apiKey: API_KEY, workspace: WORKSPACE, fetch, logger, logLevel: "debug", maxRetries: 2, ...options },
    () => fetchTransport(),
    [],
    recordingSleep(),
  );
}

const EMAIL = "ana.perez@andes.cl";
const page = { count: 1, next: null, previous: null, results: [customer] };
const list = { operation: "customers.list", method: "GET", path: "/customers/?email&page_size" };

describe("the logger", () => {
  it("gets each attempt at debug and a retry at info, with the operation, the path without query values, and the request id", async () => {
    const fetch = recordingFetch(
      jsonResponse(503, { detail: "Busy." }, { "retry-after": "1", "x-request-id": "req_1" }),
      jsonResponse(200, page, { "x-request-id": "req_2" }),
    );
    const { lines, logger } = recorder();
    await client(fetch, logger).customers.list({ email: EMAIL, page_size: 20 });
    expect(lines).toEqual([
      [
        "debug",
        expect.stringMatching(/^GET \/customers\/\?email&page_size: attempt 1 of 3 answered 503 in \d+ ms$/),
        { ...list, attempt: 1, attempts: 3, status: 503, requestId: "req_1", durationMs: expect.any(Number) },
      ],
      [
        "info",
        `GET /customers/?email&page_size answered 503; retrying in 1000 ms (attempt 2 of 3)`,
        { ...list, attempt: 1, attempts: 3, status: 503, requestId: "req_1", waitMs: 1000 },
      ],
      [
        "debug",
        expect.stringMatching(/^GET \/customers\/\?email&page_size: attempt 2 of 3 answered 200 in \d+ ms$/),
        { ...list, attempt: 2, attempts: 3, status: 200, requestId: "req_2", durationMs: expect.any(Number) },
      ],
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/ana\.perez|andes\.cl/);
  });

  it.each<[string, Response | Error, LogLevel, Partial<LogFields>]>([
    [
      "a 404",
      jsonResponse(404, { detail: "Not found." }, { "x-request-id": "req_9" }),
      "warn",
      { status: 404, requestId: "req_9", error: "PiriodNotFoundError" },
    ],
    [
      "a 400",
      jsonResponse(400, { email: ["Enter a valid email address."] }),
      "warn",
      { status: 400, error: "PiriodBadRequestError" },
    ],
    [
      "a 503 after the retries",
      jsonResponse(503, { detail: "Busy." }),
      "error",
      { status: 503, error: "PiriodServerError" },
    ],
    ["no response after the retries", new TypeError("fetch failed"), "error", { error: "PiriodConnectionError" }],
    [
      "a 2xx that is no JSON",
      new Response("<html>", { status: 200, headers: { "content-type": "text/html" } }),
      "error",
      { status: 200, error: "PiriodResponseValidationError" },
    ],
  ])("reports a call that ends in %s once, at its level, with its fields", async (_case, answer, level, fields) => {
    const fetch = recordingFetch(answer);
    const { lines, logger } = recorder();
    const call = client(fetch, logger, { logLevel: "warn" }).customers.list({ email: EMAIL });
    const error = await call.then(
      () => expect.fail("the call succeeded"),
      (reason: unknown) => reason as Error,
    );
    expect(lines).toEqual([
      [
        level,
        error.message,
        {
          operation: "customers.list",
          method: "GET",
          path: "/customers/?email",
          durationMs: expect.any(Number),
          ...fields,
        },
      ],
    ]);
    expect(JSON.stringify(lines)).not.toContain("andes.cl");
  });

  it("reports a call refused before sending at warn, and an aborted one at info", async () => {
    const fetch = recordingFetch(jsonResponse(200, customer));
    const { lines, logger } = recorder();
    const piriod = client(fetch, logger, { logLevel: "info" });
    await expect(piriod.customers.update(CUSTOMER_ID, { ...body, email: 3 } as never)).rejects.toThrow(/schema/);
    await expect(piriod.customers.retrieve(CUSTOMER_ID, { signal: AbortSignal.abort() })).rejects.toThrow(/aborted/);
    expect(lines.map(([level, , fields]) => [level, fields.error, fields.path])).toEqual([
      ["warn", "PiriodValidationError", "/customers/{id}/"],
      ["info", "PiriodAbortError", `/customers/${CUSTOMER_ID}/`],
    ]);
  });

  it("names raw calls raw.<METHOD>", async () => {
    const fetch = recordingFetch(jsonResponse(200, customer));
    const { lines, logger } = recorder();
    await client(fetch, logger).raw.GET("/customers/{id}/", { params: { path: { id: CUSTOMER_ID } } });
    expect(lines.map(([, , fields]) => fields.operation)).toEqual(["raw.GET"]);
  });

  it("gets a request id as the server wrote it, the key redacted and control characters escaped", async () => {
    const fetch = recordingFetch(jsonResponse(404, {}, { "x-request-id": `req ${API_KEY}\x1b[31m` }));
    const { lines, logger } = recorder();
    await expect(client(fetch, logger, { logLevel: "warn" }).customers.retrieve(CUSTOMER_ID)).rejects.toThrow();
    expect(lines[0]?.[2].requestId).toBe("req [redacted]\\u001b[31m");
    expect(JSON.stringify(lines)).not.toContain(API_KEY);
  });
});

describe("an error's message", () => {
  it("names the query's parameters but not their values", async () => {
    const fetch = recordingFetch(jsonResponse(404, { detail: "Invalid page." }));
    const error = await client(fetch, recorder().logger, { maxRetries: 0 })
      .customers.list({ email: EMAIL, page: 9 })
      .then(
        () => expect.fail("the call succeeded"),
        (reason: unknown) => reason as Error,
      );
    expect(error.message).toBe("GET /customers/?email&page failed with 404: Invalid page.");
  });
});

describe("adapters", () => {
  it("pino, which takes the object first, takes the client's lines through the docs' one-line adapter", async () => {
    const written: Record<string, unknown>[] = [];
    const log = pino({ level: "debug" }, { write: (line: string) => void written.push(JSON.parse(line)) });
    // As docs/options-and-retries.md writes it.
    const logger: Logger = {
      debug: (m, f) => log.debug(f, m),
      info: (m, f) => log.info(f, m),
      warn: (m, f) => log.warn(f, m),
      error: (m, f) => log.error(f, m),
    };
    const fetch = recordingFetch(jsonResponse(404, { detail: "Not found." }, { "x-request-id": "req_9" }));
    await expect(client(fetch, logger).customers.retrieve(CUSTOMER_ID)).rejects.toThrow(/404/);
    expect(written).toEqual([
      expect.objectContaining({
        level: 20,
        operation: "customers.retrieve",
        attempt: 1,
        status: 404,
        msg: expect.stringMatching(/attempt 1 of 3 answered 404/),
      }),
      expect.objectContaining({
        level: 40,
        operation: "customers.retrieve",
        method: "GET",
        path: `/customers/${CUSTOMER_ID}/`,
        status: 404,
        requestId: "req_9",
        error: "PiriodNotFoundError",
        msg: `GET /customers/${CUSTOMER_ID}/ failed with 404: Not found.`,
      }),
    ]);
  });

  it("console takes them as they are: the message, then the fields", async () => {
    const fetch = recordingFetch(jsonResponse(404, { detail: "Not found." }));
    const warned: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args);
    try {
      await expect(client(fetch, console, { logLevel: "warn" }).customers.retrieve(CUSTOMER_ID)).rejects.toThrow();
    } finally {
      console.warn = original;
    }
    expect(warned).toEqual([[expect.stringMatching(/failed with 404/), expect.objectContaining({ status: 404 })]]);
  });
});

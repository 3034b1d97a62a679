import { describe, expect, it } from "vitest";
import { PiriodNotFoundError, PiriodServerError } from "../../src/errors.js";
import type { LogFields, Logger } from "../../src/log.js";
import { body, CUSTOMER_ID, customer, transportClient } from "../helpers/client-fixtures.ts";
import { expectNoUnhandledRejections } from "../helpers/client-unhandled.ts";
import { faultServerOfFile } from "../helpers/fault-server-of-file.ts";
import { json, reply } from "../helpers/http-fault-server.ts";

// The logger cannot change a call's outcome, and neither it nor an error message carries what a
// server could use to forge a log line. Against a real local server through both transports, the
// retries' waits recorded by the client's own sleep.
expectNoUnhandledRejections();

const server = faultServerOfFile();

/** A logger whose `failing` level throws (or, `async`, rejects) and whose other levels keep what they are told. */
function brokenLogger(failing: keyof Logger, how: "throws" | "rejects") {
  const lines: [string, string][] = [];
  const logger = Object.fromEntries(
    (["debug", "info", "warn", "error"] as const).map((level) => [
      level,
      level !== failing
        ? (message: string, _fields: LogFields) => void lines.push([level, message])
        : how === "throws"
          ? () => {
              throw new Error(`the ${level} log is full`);
            }
          : async () => {
              throw new Error(`the ${level} log is full`);
            },
    ]),
  ) as Logger;
  return { lines, logger };
}

/** C0 and C1 controls, DEL, and the line and paragraph separators. */
const isControlCharacter = (character: string) => {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
};

/** The error a call rejects with (it must reject). */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail("the call succeeded"),
    (reason: unknown) => reason as Error,
  );

/** Control characters, as a server might put them in a body to forge a line of the caller's log. */
const FORGED = "Not found.\n2026-01-01 INFO payment accepted\r\x1b[31m\x07\u2028";

describe.each(["node", "fetch"] as const)("through the %s transport", (transport) => {
  const client = (logger: Logger, options: object = {}) =>
    transportClient(transport, { baseUrl: server.url, logger, logLevel: "debug", maxRetries: 2, ...options });

  it.each(["throws", "rejects"] as const)("keeps a 404 a PiriodNotFoundError when logger.error %s", async (how) => {
    server.answer(json(404, { detail: "Not found." }));
    const { logger } = brokenLogger("error", how);
    await expect(client(logger).customers.retrieve(CUSTOMER_ID)).rejects.toBeInstanceOf(PiriodNotFoundError);
  });

  it.each(["throws", "rejects"] as const)("retries a 429 when logger.info %s", async (how) => {
    server.answer(json(429, { detail: "Slow down." }), json(200, customer));
    const { logger } = brokenLogger("info", how);
    await expect(client(logger).customers.retrieve(CUSTOMER_ID)).resolves.toEqual(customer);
    expect(server.received).toHaveLength(2);
  });

  it.each(["throws", "rejects"] as const)("sends the call when logger.debug %s", async (how) => {
    server.answer(json(200, customer));
    const { lines, logger } = brokenLogger("debug", how);
    await expect(client(logger).customers.update(CUSTOMER_ID, body)).resolves.toEqual(customer);
    expect(server.received).toHaveLength(1);
    expect(lines).toEqual([]);
  });

  it("writes a server's control characters escaped, in the message and the log", async () => {
    server.answer(json(503, { detail: FORGED }), json(404, { detail: FORGED }));
    const { lines, logger } = brokenLogger("error", "throws");
    const error = await failure(client(logger).customers.retrieve(CUSTOMER_ID));
    const escaped = "Not found. 2026-01-01 INFO payment accepted \\u001b[31m\\u0007";
    expect(error.message).toBe(`GET /customers/${CUSTOMER_ID}/ failed with 404: ${escaped}`);
    expect(lines.map(([level]) => level)).toEqual(["debug", "info", "debug", "warn"]);
    expect(lines[1]?.[1]).toMatch(
      /^GET \/customers\/cus_01H8XYZ123ABC\/ answered 503; retrying in \d+ ms \(attempt 2 of 3\)$/,
    );
    expect(lines[3]?.[1]).toBe(error.message);
    for (const [, line] of lines) expect([...line].filter(isControlCharacter)).toEqual([]);
  });

  it("escapes control characters in a 400's field errors and an error page's title", async () => {
    server.answer(
      json(400, { "name\n[forged]": ["Too long.\x1b[2K"] }),
      reply(502, `<html><title>Bad\rGateway\x1b]0;owned\x07</title></html>`, { "content-type": "text/html" }),
    );
    const { logger } = brokenLogger("debug", "throws");
    const bad = await failure(client(logger, { maxRetries: 0 }).customers.update(CUSTOMER_ID, body));
    expect(bad.message).toBe(`PATCH /customers/${CUSTOMER_ID}/ failed with 400: /name\\n[forged]: Too long.\\u001b[2K`);
    const gateway = await failure(client(logger, { maxRetries: 0 }).customers.retrieve(CUSTOMER_ID));
    expect(gateway).toBeInstanceOf(PiriodServerError);
    expect(gateway.message).toBe(`GET /customers/${CUSTOMER_ID}/ failed with 502: Bad Gateway\\u001b]0;owned\\u0007`);
  });
});

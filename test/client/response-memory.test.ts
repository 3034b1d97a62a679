import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFixture } from "../helpers/client-scripts.ts";
import { defined } from "../helpers/defined.ts";
import { endlessBody, type RawHttpServer, startRawHttpServer } from "../helpers/raw-http-server.ts";

// A server that streams an endless body: under the default maxResponseBytes (16 MiB) the process
// reading it stays small, and the call fails with PiriodResponseTooLargeError. Without the limit,
// the body would be buffered until the timeout: gigabytes over loopback.
const DEFAULT_LIMIT = 16 * 2 ** 20;
/** What a Node process running tsx holds before any body (about 100 MB here), with room for the limit's buffers twice over. */
const BOUND = 200 * 2 ** 20 + 2 * DEFAULT_LIMIT;

let server: RawHttpServer;
beforeAll(async () => (server = await startRawHttpServer((socket) => endlessBody(socket))));
afterAll(() => server.close());

describe.each(["node", "fetch"])("the %s entry reading an endless body", (entry) => {
  it(`fails with PiriodResponseTooLargeError, the process never above ${BOUND / 2 ** 20} MiB resident`, async () => {
    const before = server.requests.length;
    const { code, lines } = await runFixture("read-endless-body.ts", [entry, server.url], 60_000);
    expect(code, lines.join("\n")).toBe(0);
    const last = defined(lines.at(-1), "the script's last line");
    const report = JSON.parse(last) as { error: string; maxRssBytes: number };
    expect(report.error).toBe("PiriodResponseTooLargeError");
    expect(report.maxRssBytes).toBeLessThan(BOUND);
    expect(server.requests.length - before).toBe(1);
  }, 60_000);
});

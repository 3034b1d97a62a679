import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as fetchEntry from "../../src/index.js";
import * as nodeEntry from "../../src/node.js";
import { API_KEY, CUSTOMER_ID, WORKSPACE } from "../helpers/client-fixtures.ts";
import { expectNoUnhandledRejections } from "../helpers/client-unhandled.ts";
import { longestEventLoopGap } from "../helpers/event-loop-gaps.ts";
import { type FaultServer, reply, startFaultServer } from "../helpers/http-fault-server.ts";

// Bodies built to make the client work out of proportion to their size, over real sockets through
// both entries. Where only time shows the defect, a timer firing every 5 ms must never wait a
// second: these bodies take a few milliseconds to read and summarise, and blocked the event loop
// for seconds to minutes when summarising backtracked or redacting walked the body once per level.
expectNoUnhandledRejections();

/** The longest the event loop may stall on one of these bodies: some 100 times what a linear pass over them takes. */
const STALL_LIMIT_MS = 1_000;

let server: FaultServer;
beforeAll(async () => (server = await startFaultServer()));
afterAll(() => server.close());
beforeEach(() => {
  server.received.length = 0;
});

const html = (status: number, text: string) => reply(status, text, { "content-type": "text/html" });

describe.each([
  ["the node entry", nodeEntry],
  ["the fetch entry", fetchEntry],
] as const)("%s", (_entry, { createPiriodClient, PiriodNotFoundError, PiriodResponseValidationError }) => {
  const piriod = () =>
    createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl: server.url, maxRetries: 0 });
  const failure = (promise: Promise<unknown>) =>
    longestEventLoopGap(() =>
      promise.then(
        () => expect.fail("the call succeeded"),
        (reason: unknown) => reason as Error,
      ),
    );

  it("summarises a 404 page of 100 kB of unclosed tags without stalling the event loop", async () => {
    server.answer(html(404, "<".repeat(100_000)));
    const { result: error, gapMs } = await failure(piriod().customers.retrieve(CUSTOMER_ID));
    expect(error).toBeInstanceOf(PiriodNotFoundError);
    expect(error).toMatchObject({ status: 404 });
    expect(gapMs).toBeLessThan(STALL_LIMIT_MS);
  });

  it("summarises a 2xx page of 200 kB of unclosed script tags without stalling the event loop", async () => {
    server.answer(html(200, "<script>".repeat(25_000)));
    const { result: error, gapMs } = await failure(piriod().customers.retrieve(CUSTOMER_ID));
    expect(error).toBeInstanceOf(PiriodResponseValidationError);
    expect(error).toMatchObject({ status: 200 });
    expect(gapMs).toBeLessThan(STALL_LIMIT_MS);
  });

  it("reads no more than the first few kilobytes of a body for its summary", async () => {
    server.answer(reply(404, `${"\n".repeat(8_192)}Only after 8 kB`, { "content-type": "text/plain" }));
    const { result: error } = await failure(piriod().customers.retrieve(CUSTOMER_ID));
    expect(error).toBeInstanceOf(PiriodNotFoundError);
    expect(error.message).not.toContain("Only after 8 kB");
    expect((error as InstanceType<typeof PiriodNotFoundError>).body).toContain("Only after 8 kB");
  });
});

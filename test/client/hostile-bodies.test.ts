import { describe, expect, it } from "vitest";
import * as fetchEntry from "../../src/index.js";
import * as nodeEntry from "../../src/node.js";
import { API_KEY, body, CUSTOMER_ID, WORKSPACE } from "../helpers/client-fixtures.ts";
import { expectNoApiKey } from "../helpers/client-secrets.ts";
import { expectNoUnhandledRejections } from "../helpers/client-unhandled.ts";
import { longestEventLoopGap } from "../helpers/event-loop-gaps.ts";
import { faultServerOfFile } from "../helpers/fault-server-of-file.ts";
import { reply } from "../helpers/http-fault-server.ts";

// Bodies built to make the client work out of proportion to their size, over real sockets through
// both entries. Where only time shows the defect, a timer firing every 5 ms must never wait a
// second: these bodies take a few milliseconds to read and summarise, and blocked the event loop
// for seconds to minutes when summarising backtracked or redacting walked the body once per level.
expectNoUnhandledRejections();

/** The longest the event loop may stall on one of these bodies: some 100 times what a linear pass over them takes. */
const STALL_LIMIT_MS = 1_000;

const server = faultServerOfFile();

const html = (status: number, text: string) => reply(status, text, { "content-type": "text/html" });
const jsonText = (status: number, text: string) => reply(status, text, { "content-type": "application/json" });

/** `depth` nested objects, `{"a":{"a":…}}`, around `inner` (JSON text). */
const nestedObjects = (depth: number, inner: string) => `${'{"a":'.repeat(depth)}${inner}${"}".repeat(depth)}`;

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

  /** A call of each shape of operation: a read, a list, an update, a create, a delete. */
  const CALLS = [
    ["customers.retrieve", (client: ReturnType<typeof piriod>) => client.customers.retrieve(CUSTOMER_ID)],
    ["customers.list", (client: ReturnType<typeof piriod>) => client.customers.list({ country: "CL" })],
    ["customers.update", (client: ReturnType<typeof piriod>) => client.customers.update(CUSTOMER_ID, body)],
    ["customers.create", (client: ReturnType<typeof piriod>) => client.customers.create(body)],
    ["customers.delete", (client: ReturnType<typeof piriod>) => client.customers.delete(CUSTOMER_ID)],
  ] as const;

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

  it("redacts the key at the bottom of a 3 MB body 300 levels deep in one pass", async () => {
    const padding = JSON.stringify("x".repeat(10_000));
    const level = (inner: string) => `{"pad":${padding},"a":${inner}}`;
    let text = JSON.stringify({ detail: `Token ${API_KEY}` });
    for (let depth = 0; depth < 300; depth++) text = level(text);
    server.answer(jsonText(404, text));
    const { result: error, gapMs } = await failure(piriod().customers.retrieve(CUSTOMER_ID));
    expect(error).toBeInstanceOf(PiriodNotFoundError);
    let bottom = (error as InstanceType<typeof PiriodNotFoundError>).body as { a?: unknown; detail?: unknown };
    while (bottom.a) bottom = bottom.a as typeof bottom;
    expect(bottom.detail).toBe("Token [redacted]");
    expect(gapMs).toBeLessThan(STALL_LIMIT_MS);
  });

  it.each(CALLS)("answers %s's 404 of 20,000 nested arrays with PiriodNotFoundError", async (_call, send) => {
    server.answer(jsonText(404, `${"[".repeat(20_000)}"Token ${API_KEY}"${"]".repeat(20_000)}`));
    const { result: error } = await failure(send(piriod()));
    expect(error).toBeInstanceOf(PiriodNotFoundError);
    expect(error).toMatchObject({ status: 404 });
    expect(error.message.length).toBeLessThan(400);
  });

  it("answers a 400 of 20,000 nested objects with its field error, the key redacted", async () => {
    server.answer(jsonText(400, nestedObjects(20_000, JSON.stringify([`Token ${API_KEY}`]))));
    const { result: error } = await failure(piriod().customers.update(CUSTOMER_ID, body));
    expect(error).toMatchObject({ status: 400, nonFieldErrors: [] });
    const [only, ...rest] = (error as InstanceType<typeof fetchEntry.PiriodBadRequestError>).fieldErrors;
    expect(rest).toEqual([]);
    expect(only).toEqual({ path: "/a".repeat(20_000), message: "Token [redacted]" });
  });

  it("lists the first of 50,000 field errors in a message of some 1,000 characters, keeping every one on the error", async () => {
    const fields = Object.fromEntries(Array.from({ length: 50_000 }, (_, index) => [`field_${index}`, ["Invalid."]]));
    server.answer(jsonText(400, JSON.stringify(fields)));
    const { result: error } = await failure(piriod().customers.update(CUSTOMER_ID, body));
    expect(error.message).toMatch(
      /^PATCH \/customers\/cus_01H8XYZ123ABC\/ failed with 400: \/field_0: Invalid\.; \/field_1: Invalid\.; /,
    );
    expect(error.message).toMatch(/; …and 49,?\d{3} more$/);
    expect(error.message.length).toBeLessThan(1_200);
    expect((error as InstanceType<typeof fetchEntry.PiriodBadRequestError>).fieldErrors).toHaveLength(50_000);
  });

  it("redacts a key holding a quote and a backslash where a JSON body writes it escaped", async () => {
    const key = 'sk_test_"quoted\\key';
    const client = createPiriodClient({ apiKey: key, workspace: WORKSPACE, baseUrl: server.url, maxRetries: 0 });
    server.answer(jsonText(404, JSON.stringify({ detail: `Token ${key} is not valid.`, echoed: [`Token ${key}`] })));
    const { result: error } = await failure(client.customers.retrieve(CUSTOMER_ID));
    expect(error.message).toBe(`GET /customers/${CUSTOMER_ID}/ failed with 404: Token [redacted] is not valid.`);
    expect((error as InstanceType<typeof PiriodNotFoundError>).body).toEqual({
      detail: "Token [redacted] is not valid.",
      echoed: ["Token [redacted]"],
    });
  });

  it("reads no more than the first few kilobytes of a body for its summary", async () => {
    server.answer(reply(404, `${"\n".repeat(8_192)}Only after 8 kB`, { "content-type": "text/plain" }));
    const { result: error } = await failure(piriod().customers.retrieve(CUSTOMER_ID));
    expect(error).toBeInstanceOf(PiriodNotFoundError);
    expect(error.message).not.toContain("Only after 8 kB");
    expect((error as InstanceType<typeof PiriodNotFoundError>).body).toContain("Only after 8 kB");
  });

  it("keeps the key out of every rendering of these errors", async () => {
    server.answer(jsonText(404, nestedObjects(2_000, JSON.stringify(`Token ${API_KEY}`))));
    const { result: error } = await failure(piriod().customers.retrieve(CUSTOMER_ID));
    expect(error).toBeInstanceOf(PiriodNotFoundError);
    expectNoApiKey((error as InstanceType<typeof PiriodNotFoundError>).body);
  });
});

import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import path from "node:path";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withoutSecret } from "../../src/mcp/results.ts";
import type { FakeServer } from "../../src/testing/index.ts";
import { createPiriodFake } from "../../src/testing/index.ts";
import { defined } from "../helpers/defined.ts";
import { type McpSession, mcpSession } from "../helpers/mcp-client.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";

// Tool calls through the official SDK's client, against the fake Piriod served over HTTP on
// 127.0.0.1: each goes through the package's own client, in test mode unless --live.
const KEY = "sk_test_mcp_7Hq2Lx9Vb4";
const WORKSPACE = "acc_01H8XYZ123ABC";
const fake = createPiriodFake({ apiKey: KEY, now: () => new Date("2026-03-01T12:00:00Z") });
let served: FakeServer;
let session: McpSession | undefined;
const logged: string[] = [];

beforeAll(async () => {
  served = await fake.listen();
});
afterAll(async () => {
  await served?.close();
});
beforeEach(() => {
  fake.reset();
  logged.length = 0;
});
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function connect(flags: { writes?: boolean; deletes?: boolean; live?: boolean; baseUrl?: string } = {}) {
  const say = (line: string) => logged.push(line);
  session = await mcpSession(
    {
      apiKey: KEY,
      workspace: WORKSPACE,
      baseUrl: flags.baseUrl ?? served.url,
      writes: flags.writes ?? false,
      deletes: flags.deletes ?? false,
      live: flags.live ?? false,
    },
    { debug: say, info: say, warn: say, error: say },
  );
  return session.client;
}

async function call(name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  const client = defined(session, "a connected session").client;
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content[0]?.type === "text" ? result.content[0].text : "";
  // Every result carries its JSON as text too, for clients that read no structured content.
  if (result.structuredContent) expect(JSON.parse(text)).toEqual(result.structuredContent);
  return result;
}

const resultsOf = (result: CallToolResult) =>
  defined(result.structuredContent?.results as { name: string }[] | undefined, "a page's results");

const seedCustomers = (count: number, testMode = true) =>
  fake.seed(
    { customers: Array.from({ length: count }, (_, index) => fake.build.customers({ name: `Cliente ${index + 1}` })) },
    { testMode },
  ).customers as { id: string; name: string }[];

describe("a list", () => {
  it("answers one page of the default size, with the count of every match and whether there is a next", async () => {
    seedCustomers(12);
    await connect();
    const first = await call("customers_list");
    expect(first.isError).toBeFalsy();
    expect(first.structuredContent).toMatchObject({ count: 12, page: 1, page_size: 10, has_next_page: true });
    expect(resultsOf(first)).toHaveLength(10);
    const second = await call("customers_list", { page: 2 });
    expect(second.structuredContent).toMatchObject({ count: 12, page: 2, has_next_page: false });
    expect(resultsOf(second).map((customer) => customer.name)).toEqual(["Cliente 11", "Cliente 12"]);
    expect(fake.requests.map(({ method, path, query }) => [method, path, query])).toEqual([
      ["GET", "/customers/", { page_size: "10" }],
      ["GET", "/customers/", { page: "2", page_size: "10" }],
    ]);
  });

  it("refuses a page larger than the cap, naming the argument and the rule, and sends nothing", async () => {
    await connect();
    const result = await call("customers_list", { page_size: 100 });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({
      error: "PiriodValidationError",
      field_errors: [{ path: "/page_size", message: "must be at most 25" }],
    });
    expect(fake.requests).toEqual([]);
  });

  it("sends its filters as Piriod reads them, metadata as one parameter per key", async () => {
    await connect();
    await call("customers_list", { country: "CL", metadata: { segment: "wholesale" }, page_size: 25 });
    expect(fake.requests[0]?.query).toEqual({ country: "CL", metadata__segment: "wholesale", page_size: "25" });
  });

  it("refuses an argument the tool does not take, and a filter of the wrong type", async () => {
    await connect();
    const result = await call("customers_list", { countri: "CL", page: "two" });
    expect(result.structuredContent?.field_errors).toEqual([
      { path: "/countri", message: expect.stringMatching(/^no such argument; customers_list takes page, page_size/) },
      { path: "/page", message: "must be of type integer" },
    ]);
    expect(fake.requests).toEqual([]);
  });
});

describe("a retrieve", () => {
  it("answers the object as the client returns it", async () => {
    const [customer] = seedCustomers(1);
    await connect();
    const result = await call("customers_retrieve", { id: defined(customer, "the customer").id });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual(customer);
  });

  it("answers a 404 as a tool error with the status", async () => {
    await connect();
    const result = await call("customers_retrieve", { id: "cus_00000000000000" });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({
      error: "PiriodNotFoundError",
      status: 404,
      message: "GET /customers/cus_00000000000000/ failed with 404: Not found.",
    });
  });

  it("is retried through the client's own retries", async () => {
    const [customer] = seedCustomers(1);
    fake.failNext("customers.retrieve", { status: 503, headers: { "retry-after": "0" } });
    await connect();
    const result = await call("customers_retrieve", { id: defined(customer, "the customer").id });
    expect(result.isError).toBeFalsy();
    expect(fake.requests.map(({ status }) => status)).toEqual([503, 200]);
    expect(logged.some((line) => /retry/i.test(line))).toBe(true);
  });
});

describe("a create, with --allow-writes", () => {
  const andes = { name: "Andes SpA", address: "Av. Providencia 1234", country: "CL", state: 13 };

  it("makes the object in test mode and answers it", async () => {
    await connect({ writes: true });
    const result = await call("customers_create", { body: andes });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ name: "Andes SpA", test_mode: true });
    expect(result.structuredContent?.id).toMatch(/^cus_/);
    expect(fake.requests[0]).toMatchObject({ method: "POST", headers: { "x-piriod-test-mode": "true" } });
  });

  it("answers Piriod's 400 as a tool error with the field errors, at their place in the arguments", async () => {
    fake.failNext("customers.create", {
      status: 400,
      body: { tax_id: ["This field is required."], non_field_errors: ["The state does not belong to the country."] },
    });
    await connect({ writes: true });
    const result = await call("customers_create", { body: andes });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({
      error: "PiriodBadRequestError",
      status: 400,
      field_errors: [{ path: "/body/tax_id", message: "This field is required." }],
      non_field_errors: ["The state does not belong to the country."],
    });
  });

  it("answers the tool error docs/mcp.md shows", async () => {
    const page = await readFile(path.join(REPO_ROOT, "docs", "mcp.md"), "utf8");
    const shown = [...page.matchAll(/```json\n([\s\S]*?)```/g)].map(([, json]) => JSON.parse(json ?? ""));
    fake.failNext("customers.create", { status: 400, body: { tax_id: ["This field is required."] } });
    await connect({ writes: true });
    const result = await call("customers_create", { body: andes });
    expect(result.structuredContent).toEqual(shown.find((json) => json.error === "PiriodBadRequestError"));
  });

  it("refuses a body that breaks the schema before sending it, each field named", async () => {
    await connect({ writes: true });
    const result = await call("customers_create", { body: { ...andes, state: "13", email: "not an email" } });
    expect(result.isError).toBe(true);
    expect(result.structuredContent?.error).toBe("PiriodValidationError");
    expect(result.structuredContent?.field_errors).toEqual(
      expect.arrayContaining([
        { path: "/body/state", message: expect.stringContaining("integer") },
        { path: "/body/email", message: expect.stringContaining("email") },
      ]),
    );
    expect(fake.requests).toEqual([]);
  });

  it("is not offered without the flag: a call names the flag that offers it", async () => {
    await connect();
    const result = await call("customers_create", { body: andes });
    expect(result.isError).toBe(true);
    expect(result.structuredContent?.message).toBe(
      "customers_create is not offered: it writes, which piriod-mcp allows only when started with --allow-writes",
    );
    expect(fake.requests).toEqual([]);
  });
});

describe("test mode", () => {
  it("is the default: a live-mode object is not visible", async () => {
    const [live] = seedCustomers(1, false);
    seedCustomers(1, true);
    await connect();
    expect((await call("customers_list")).structuredContent).toMatchObject({ count: 1 });
    const hidden = await call("customers_retrieve", { id: defined(live, "the live customer").id });
    expect(hidden.structuredContent).toMatchObject({ error: "PiriodNotFoundError", status: 404 });
    expect(fake.requests.every(({ headers }) => headers["x-piriod-test-mode"] === "true")).toBe(true);
  });

  it("is left with --live, which sees the live object", async () => {
    const [live] = seedCustomers(1, false);
    await connect({ live: true });
    const result = await call("customers_retrieve", { id: defined(live, "the live customer").id });
    expect(result.structuredContent).toEqual(live);
    expect(fake.requests[0]?.headers["x-piriod-test-mode"]).toBeUndefined();
  });
});

describe("a server's answer", () => {
  let echo: Server;
  let echoUrl: string;
  beforeAll(async () => {
    // A server that echoes what it was sent, as a misdirected base URL (a debugging proxy, an echo service) would.
    echo = createServer((request, response) => {
      if (request.url?.startsWith("/customers/huge/")) {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ id: "cus_huge", name: "x".repeat(2 * 1024 * 1024) }));
        return;
      }
      const status = request.url?.startsWith("/customers/bad/") ? 400 : 200;
      response.writeHead(status, { "content-type": "application/json" });
      const { authorization = "" } = request.headers;
      response.end(
        JSON.stringify(
          status === 400
            ? { name: [`Not allowed with ${authorization}`] }
            : { id: "cus_1", name: authorization, address: `key=${KEY};`, country: { id: "CL" }, state: { id: 13 } },
        ),
      );
    });
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
    echoUrl = `http://127.0.0.1:${(echo.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => echo?.close(resolve));
  });

  it("never carries the key into a tool result, even when the server echoes it", async () => {
    await connect({ baseUrl: echoUrl });
    const result = await call("customers_retrieve", { id: "cus_1" });
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(result.structuredContent).toMatchObject({ name: "Token [redacted]", address: "key=[redacted];" });
  });

  it("larger than 1 MiB is a tool error, not an agent's context flooded", async () => {
    await connect({ baseUrl: echoUrl });
    const result = await call("customers_retrieve", { id: "huge" });
    expect(result.isError).toBe(true);
    expect(result.structuredContent?.error).toBe("PiriodResponseTooLargeError");
    expect(JSON.stringify(result).length).toBeLessThan(1_000);
  });

  it("never carries the key into a tool error or a log line", async () => {
    await connect({ baseUrl: echoUrl });
    const result = await call("customers_retrieve", { id: "bad" });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join("\n")).not.toContain(KEY);
  });
});

describe("withoutSecret", () => {
  it("replaces a key with characters JSON escapes, in the text and in the structured content", () => {
    const key = 'sk_"odd\\key';
    const value = { echoed: `Token ${key}`, nested: [{ again: key }] };
    const cleaned = withoutSecret(
      { content: [{ type: "text", text: JSON.stringify(value) }], structuredContent: value },
      key,
    );
    expect(JSON.stringify(cleaned)).not.toContain(JSON.stringify(key).slice(1, -1));
    expect(cleaned.structuredContent).toEqual({ echoed: "Token [redacted]", nested: [{ again: "[redacted]" }] });
    expect(JSON.parse(cleaned.content[0]?.text ?? "")).toEqual(cleaned.structuredContent);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPiriodFake, type FakeServer } from "../../src/testing/index.ts";
import { McpProcess } from "../helpers/mcp-process.ts";

// piriod-mcp as an MCP client starts it: a process speaking JSON-RPC over standard input and
// output, configured by PIRIOD_* variables and flags, against the fake served over HTTP.
const KEY = "sk_test_stdio_Zr81Kq";
const WORKSPACE = "acc_01H8XYZ123ABC";
const fake = createPiriodFake({ apiKey: KEY, examples: true });
let served: FakeServer;
const started: McpProcess[] = [];

beforeAll(async () => {
  served = await fake.listen();
});
afterAll(async () => {
  await served?.close();
});
afterEach(() => {
  for (const server of started.splice(0)) server.kill();
});

function start(args: string[], env: Record<string, string>): McpProcess {
  const server = McpProcess.fromSource(args, env);
  started.push(server);
  return server;
}

const INITIALIZE = {
  protocolVersion: "2025-06-18",
  capabilities: {},
  clientInfo: { name: "piriod-mcp-test", version: "1.0.0" },
};

describe("piriod-mcp over stdio", () => {
  it("writes nothing but JSON-RPC to standard output, its log to standard error, and never the key", async () => {
    fake.reset();
    fake.seed({ customers: [fake.build.customers()] }, { testMode: true });
    fake.failNext("customers.list", { status: 429, headers: { "retry-after": "0" } });
    const server = start(["--allow-writes"], {
      PIRIOD_API_KEY: KEY,
      PIRIOD_WORKSPACE: WORKSPACE,
      PIRIOD_BASE_URL: served.url,
    });
    const initialized = await server.request("initialize", INITIALIZE);
    expect(initialized.result).toMatchObject({ serverInfo: { name: "piriod-mcp" }, capabilities: { tools: {} } });
    server.notify("notifications/initialized");
    const listed = await server.request("tools/list");
    expect((listed.result as { tools: unknown[] }).tools).toHaveLength(8);
    const page = await server.request("tools/call", { name: "customers_list", arguments: {} });
    expect(page.result).toMatchObject({ structuredContent: { count: 1, has_next_page: false } });
    const refused = await server.request("tools/call", { name: "customers_create", arguments: { body: {} } });
    expect(refused.result).toMatchObject({ isError: true, structuredContent: { error: "PiriodValidationError" } });
    const unknown = await server.request("tools/call", { name: "customers_delete", arguments: { id: "cus_1" } });
    expect(unknown.result).toMatchObject({ isError: true });

    expect(await server.close()).toEqual({ code: 0, signal: null });
    const messages = server.messages();
    expect(messages.map((message) => [message.jsonrpc, message.id])).toEqual([
      ["2.0", 1],
      ["2.0", 2],
      ["2.0", 3],
      ["2.0", 4],
      ["2.0", 5],
    ]);
    expect(server.stdout.endsWith("\n")).toBe(true);
    expect(server.stderr).toContain(
      `piriod-mcp: serving workspace ${WORKSPACE} over stdio, in test mode, reading, writing`,
    );
    expect(server.stderr).toMatch(/piriod-mcp: .*429.*retry/i);
    expect(server.stdout + server.stderr).not.toContain(KEY);
  });

  it("lists its environment variables and flags with --help", async () => {
    const server = start(["--help"], {});
    expect(await server.exited).toEqual({ code: 0, signal: null });
    for (const name of [
      "PIRIOD_API_KEY",
      "PIRIOD_WORKSPACE",
      "PIRIOD_BASE_URL",
      "--allow-writes",
      "--allow-deletes",
      "--live",
      "--workspace",
      "--base-url",
    ])
      expect(server.stdout).toContain(name);
  });

  it("refuses to start without its key, with exit code 2, saying why on standard error alone", async () => {
    const server = start([], { PIRIOD_WORKSPACE: WORKSPACE });
    expect(await server.exited).toEqual({ code: 2, signal: null });
    expect(server.stderr).toContain("piriod-mcp: set PIRIOD_API_KEY to your Piriod API key");
    expect(server.stdout).toBe("");
  });

  it("refuses to start on a base URL the client refuses, naming the option", async () => {
    const server = start(["--base-url", "http://api.example.com"], {
      PIRIOD_API_KEY: KEY,
      PIRIOD_WORKSPACE: WORKSPACE,
    });
    expect(await server.exited).toEqual({ code: 2, signal: null });
    expect(server.stderr).toContain("baseUrl");
    expect(server.stdout).toBe("");
    expect(server.stderr).not.toContain(KEY);
  });
});

import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RUN_WITH_SDK } from "../../src/mcp/sdk.ts";
import { createPiriodFake, type FakeServer } from "../../src/testing/index.ts";
import { defined } from "../helpers/defined.ts";
import { installedPackage } from "../helpers/installed-package.ts";
import { type LocalRegistry, startLocalRegistry } from "../helpers/local-registry.ts";
import { McpProcess } from "../helpers/mcp-process.ts";
import { execFileAsync } from "../helpers/packed-package.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";
import { runtimeDependencyFolders } from "../helpers/runtime-dependencies.ts";

// The command docs/mcp.md gives, run exactly as written, with the packed tarball as it is: npm
// fetches @piriod/api and the MCP SDK from a registry on 127.0.0.1 that serves the packed tarball
// and what the lockfile pins, from the npm cache `npm ci` filled. Nothing leaves the machine.
const KEY = "sk_test_npx_Qp3Vz8";
const WORKSPACE = "acc_01H8XYZ123ABC";
let scratch: string;
let registry: LocalRegistry;
let served: FakeServer;
const fake = createPiriodFake({ apiKey: KEY });
const started: McpProcess[] = [];

interface Configured {
  command: string;
  args: string[];
  env: Record<string, string>;
}

async function docsConfiguration(): Promise<{ configured: Configured; shell: string }> {
  const page = await readFile(path.join(REPO_ROOT, "docs", "mcp.md"), "utf8");
  const json = defined(/```json\n([\s\S]*?)```/.exec(page)?.[1], "the configuration snippet of docs/mcp.md");
  const shell = defined(/```sh\n([\s\S]*?)```/.exec(page)?.[1], "the shell command of docs/mcp.md").trim();
  const { mcpServers } = JSON.parse(json) as { mcpServers: Record<string, Configured> };
  return { configured: defined(mcpServers.piriod, "the piriod server of the snippet"), shell };
}

/** npm as a fresh machine's, with no cache and no user configuration, on the local registry alone. */
async function npmEnvironment(): Promise<Record<string, string>> {
  const home = await mkdtemp(path.join(scratch, "npm-"));
  await writeFile(path.join(home, "npmrc"), "");
  return {
    npm_config_registry: registry.url,
    npm_config_cache: path.join(home, "cache"),
    npm_config_userconfig: path.join(home, "npmrc"),
    npm_config_update_notifier: "false",
    npm_config_audit: "false",
    npm_config_fund: "false",
  };
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "piriod-mcp-npx-"));
  registry = await startLocalRegistry(installedPackage().packed.tarball);
  served = await fake.listen();
}, 120_000);

afterAll(async () => {
  await served?.close();
  await registry?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

afterEach(() => {
  for (const server of started.splice(0)) server.kill();
});

describe("the docs' command for piriod-mcp", () => {
  it("is one line, the same in the configuration snippet, the shell example and the server's own hint", async () => {
    const { configured, shell } = await docsConfiguration();
    expect([configured.command, ...configured.args].join(" ")).toBe(shell);
    expect(shell).toBe(RUN_WITH_SDK);
  });

  it("runs the server from the packed tarball as it is, with the SDK beside it, speaking MCP alone on stdout", async () => {
    fake.reset();
    const [customer] = fake.seed({ customers: [fake.build.customers({ name: "Andes SpA" })] }, { testMode: true })
      .customers as { id: string }[];
    const { configured } = await docsConfiguration();
    const cwd = await mkdtemp(path.join(scratch, "client-"));
    const server = new McpProcess(
      configured.command,
      configured.args,
      {
        ...(await npmEnvironment()),
        ...configured.env,
        PIRIOD_API_KEY: KEY,
        PIRIOD_WORKSPACE: WORKSPACE,
        PIRIOD_BASE_URL: served.url,
      },
      cwd,
    );
    started.push(server);
    const initialized = await server.request(
      "initialize",
      { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "docs", version: "1" } },
      150_000,
    );
    expect(initialized.result).toMatchObject({ serverInfo: { name: "piriod-mcp" } });
    server.notify("notifications/initialized");
    const listed = (await server.request("tools/list")).result as { tools: { name: string }[] };
    expect(listed.tools.map((tool) => tool.name).sort()).toEqual([
      "contacts_list",
      "contacts_retrieve",
      "customers_list",
      "customers_retrieve",
    ]);
    const found = await server.request("tools/call", {
      name: "customers_retrieve",
      arguments: { id: defined(customer, "the seeded customer").id },
    });
    expect(found.result).toMatchObject({ structuredContent: { name: "Andes SpA" } });
    expect(await server.close()).toEqual({ code: 0, signal: null });
    expect(server.messages().map((message) => message.jsonrpc)).toEqual(["2.0", "2.0", "2.0"]);
    expect(registry.asked).toEqual(expect.arrayContaining(["@piriod/api", "@modelcontextprotocol/sdk", "zod"]));
  }, 240_000);

  it("without the SDK, has the bin say which command brings it", async () => {
    const cwd = await mkdtemp(path.join(scratch, "client-"));
    const server = new McpProcess(
      "npx",
      ["-y", "-p", "@piriod/api", "piriod-mcp"],
      { ...(await npmEnvironment()), PIRIOD_API_KEY: KEY, PIRIOD_WORKSPACE: WORKSPACE },
      cwd,
    );
    started.push(server);
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(server.stderr).toContain(`piriod-mcp needs @modelcontextprotocol/sdk 1.x`);
    expect(server.stderr).toContain(RUN_WITH_SDK);
    expect(server.stdout).toBe("");
  }, 120_000);
});

describe("npm install @piriod/api", () => {
  it("installs the client and its own dependencies alone: none of the MCP SDK's", async () => {
    const project = await mkdtemp(path.join(scratch, "project-"));
    await writeFile(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true }));
    await execFileAsync("npm", ["install", "--no-audit", "--no-fund", "@piriod/api"], {
      cwd: project,
      env: { ...process.env, ...(await npmEnvironment()) },
    });
    const modules = path.join(project, "node_modules");
    const installed: string[] = [];
    for (const entry of await readdir(modules)) {
      if (entry.startsWith(".")) continue;
      if (!entry.startsWith("@")) installed.push(entry);
      else for (const inner of await readdir(path.join(modules, entry))) installed.push(`${entry}/${inner}`);
    }
    const dependencies = (await runtimeDependencyFolders(REPO_ROOT)).map((folder) =>
      path.relative(path.join(REPO_ROOT, "node_modules"), folder),
    );
    expect(installed.sort()).toEqual(["@piriod/api", ...dependencies].sort());
  }, 120_000);
});

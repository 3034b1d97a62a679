import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { EXPECTED_RECEIVED, EXPECTED_REPORT, EXPECTED_WEBHOOKS } from "./lib/expected.ts";
import { startFakeServer } from "./lib/fake-server.ts";
import { reportOf, runIn } from "./lib/run.ts";
import { BUN, DENO, NODES, type Runtime } from "./lib/runtimes.ts";

// The consumer scenario (consumer/scenario.mjs) in each runtime that resolves packages itself,
// from the installed tarball: over HTTP on the fake in another process, then in-process on
// @piriod/api/testing's fetch.
const consumer = inject("consumer");
let scratch = "";
let version = "";
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "piriod-runtime-caches-"));
  ({ version } = JSON.parse(
    await readFile(path.join(consumer, "node_modules", "@piriod", "api", "package.json"), "utf8"),
  ) as {
    version: string;
  });
});

/** The key and workspace a client made with neither reads; each run has them in its environment. */
const ENVIRONMENT = { PIRIOD_API_KEY: "sk_test_from_environment", PIRIOD_WORKSPACE: "acc_FROM_ENVIRONMENT" };
/** Deno reads only the variables it is let read. */
const DENO_ENV = "--allow-env=PIRIOD_API_KEY,PIRIOD_WORKSPACE,PIRIOD_BASE_URL";
const DENO_CACHE = () => ({ DENO_DIR: path.join(scratch, "deno"), DENO_NO_UPDATE_CHECK: "1" });
afterAll(() => rm(scratch, { recursive: true, force: true }));

interface Case {
  runtime: Runtime;
  /** How it names itself in the User-Agent: `node`, `deno`, `bun`. */
  agent: string;
  command: (url: string) => string[];
  env: () => Record<string, string>;
  /** The file of the package its `import "@piriod/api"` loads. */
  entry: string;
}

const cases: Case[] = [
  ...NODES.map((runtime) => ({
    runtime,
    agent: "node",
    command: (url: string) => [runtime.binary, "run.mjs", url],
    env: () => ({}),
    entry: "dist/src/node.js",
  })),
  {
    runtime: DENO,
    agent: "deno",
    // Deno reads the consumer's package.json and node_modules; --cached-only keeps it off the network.
    command: (url) => [
      DENO.binary,
      "run",
      "--cached-only",
      "--allow-net=127.0.0.1",
      "--allow-read",
      DENO_ENV,
      "run.mjs",
      url,
    ],
    env: DENO_CACHE,
    entry: "dist/src/deno-and-bun.js",
  },
  {
    runtime: BUN,
    agent: "bun",
    command: (url) => [BUN.binary, "--no-install", "run.mjs", url],
    env: () => ({ BUN_INSTALL_CACHE_DIR: path.join(scratch, "bun"), BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0" }),
    entry: "dist/src/deno-and-bun.js",
  },
];

describe.each(cases)("$runtime.name", ({ runtime, agent, command, env, entry }) => {
  it(`runs the consumer scenario from the packed package, loading ${entry}`, async () => {
    const server = await startFakeServer(consumer);
    let output: string;
    let received: string[];
    try {
      output = await runIn(consumer, command(server.url), { ...env(), ...ENVIRONMENT });
    } finally {
      received = await server.stop();
    }
    expect(received, `what the fake over HTTP received from ${runtime.name}`).toEqual(EXPECTED_RECEIVED);
    const report = reportOf(output) as {
      entry: string;
      overHttp: unknown;
      inProcess: unknown;
      webhooks: unknown;
      identity: unknown;
    };
    console.log(`${runtime.name}: loaded ${report.entry.slice(report.entry.indexOf("dist/"))}`);
    expect(report.entry).toBe(`file://${path.join(consumer, "node_modules", "@piriod", "api", entry)}`);
    expect(report.overHttp).toEqual(EXPECTED_REPORT);
    expect(report.inProcess).toEqual({ ...EXPECTED_REPORT, received: EXPECTED_RECEIVED });
    expect(report.webhooks, "verifyWebhook and the fake's deliveries").toEqual(EXPECTED_WEBHOOKS);
    expect(report.identity, "a client from the environment, and its User-Agent").toEqual({
      userAgent: `@piriod/api/${version} (${agent}/${runtime.version})`,
      authorization: `Token ${ENVIRONMENT.PIRIOD_API_KEY}`,
      workspace: ENVIRONMENT.PIRIOD_WORKSPACE,
    });
  });
});

describe(`${DENO.name} without --allow-env`, () => {
  it("refuses a client without a key as it would with the variable unset, asking for no permission", async () => {
    const output = await runIn(consumer, [DENO.binary, "run", "--cached-only", "--allow-read", "identity.mjs"], {
      ...DENO_CACHE(),
      ...ENVIRONMENT,
    });
    expect(reportOf(output)).toEqual({
      refused:
        "createPiriodClient: apiKey is required: pass it as the apiKey option, or set the PIRIOD_API_KEY environment variable",
    });
  });
});

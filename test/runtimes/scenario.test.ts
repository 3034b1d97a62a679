import { mkdtemp, rm } from "node:fs/promises";
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
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "piriod-runtime-caches-"));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

interface Case {
  runtime: Runtime;
  command: (url: string) => string[];
  env: () => Record<string, string>;
  /** The file of the package its `import "@piriod/api"` loads. */
  entry: string;
}

const cases: Case[] = [
  ...NODES.map((runtime) => ({
    runtime,
    command: (url: string) => [runtime.binary, "run.mjs", url],
    env: () => ({}),
    entry: "dist/src/node.js",
  })),
  {
    runtime: DENO,
    // Deno reads the consumer's package.json and node_modules; --cached-only keeps it off the network.
    command: (url) => [DENO.binary, "run", "--cached-only", "--allow-net=127.0.0.1", "--allow-read", "run.mjs", url],
    env: () => ({ DENO_DIR: path.join(scratch, "deno"), DENO_NO_UPDATE_CHECK: "1" }),
    entry: "dist/src/index.js",
  },
  {
    runtime: BUN,
    command: (url) => [BUN.binary, "--no-install", "run.mjs", url],
    env: () => ({ BUN_INSTALL_CACHE_DIR: path.join(scratch, "bun"), BUN_RUNTIME_TRANSPILER_CACHE_PATH: "0" }),
    entry: "dist/src/index.js",
  },
];

describe.each(cases)("$runtime.name", ({ runtime, command, env, entry }) => {
  it(`runs the consumer scenario from the packed package, loading ${entry}`, async () => {
    const server = await startFakeServer(consumer);
    let output: string;
    let received: string[];
    try {
      output = await runIn(consumer, command(server.url), env());
    } finally {
      received = await server.stop();
    }
    expect(received, `what the fake over HTTP received from ${runtime.name}`).toEqual(EXPECTED_RECEIVED);
    const report = reportOf(output) as { entry: string; overHttp: unknown; inProcess: unknown; webhooks: unknown };
    console.log(`${runtime.name}: loaded ${report.entry.slice(report.entry.indexOf("dist/"))}`);
    expect(report.entry).toBe(`file://${path.join(consumer, "node_modules", "@piriod", "api", entry)}`);
    expect(report.overHttp).toEqual(EXPECTED_REPORT);
    expect(report.inProcess).toEqual({ ...EXPECTED_REPORT, received: EXPECTED_RECEIVED });
    expect(report.webhooks, "verifyWebhook and the fake's deliveries").toEqual(EXPECTED_WEBHOOKS);
  });
});

import { writeFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";
import { expect, inject, it } from "vitest";
import { defined } from "../helpers/defined.ts";
import { EXPECTED_RECEIVED, EXPECTED_REPORT, EXPECTED_WEBHOOKS } from "./lib/expected.ts";
import { startFakeServer } from "./lib/fake-server.ts";
import { StartedProcess } from "./lib/process.ts";
import { WORKERD } from "./lib/runtimes.ts";

// The consumer scenario in Cloudflare's workerd: consumer/worker.mjs bundled as wrangler bundles a
// worker (the workerd, worker and browser export conditions), served by the workerd binary with a
// config of its own, and asked over HTTP to run.
const consumer = inject("consumer");

/** workerd's config: the bundle as the worker, allowed to reach the fake on the loopback address only. */
function config(fakeUrl: string): string {
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "scenario", worker = .scenario),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "scenario")],
);

const scenario :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "worker.bundle.js")],
  compatibilityDate = "2025-09-01",
  bindings = [(name = "PIRIOD_FAKE_URL", text = ${JSON.stringify(fakeUrl)})],
  globalOutbound = "loopback",
);
`;
}

/** The files of @piriod/api that a bundle holds, relative to the package. */
function packageFiles(inputs: Record<string, unknown>): string[] {
  const prefix = "node_modules/@piriod/api/";
  return Object.keys(inputs)
    .filter((file) => file.startsWith(prefix))
    .map((file) => file.slice(prefix.length));
}

it(`${WORKERD.name} runs the consumer scenario from the packed package, bundled through the fetch entry`, async () => {
  const { metafile } = await build({
    absWorkingDir: consumer,
    entryPoints: ["worker.mjs"],
    outfile: "worker.bundle.js",
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    metafile: true,
    logLevel: "silent",
  });
  const bundled = packageFiles(metafile.inputs);
  console.log(`${WORKERD.name}: bundled ${bundled.filter((file) => file.startsWith("dist/src/")).join(", ")}`);
  expect(bundled).toContain("dist/src/index.js");
  expect(bundled).not.toContain("dist/src/node.js");

  const server = await startFakeServer(consumer);
  await writeFile(path.join(consumer, "workerd.capnp"), config(server.url));
  const workerd = new StartedProcess(WORKERD.binary, ["serve", "workerd.capnp"], consumer);
  let report: { overHttp?: unknown; inProcess?: unknown; webhooks?: unknown; error?: string };
  let received: string[];
  try {
    const [, url] = await workerd.waitFor(/Listening on (http:\/\/127\.0\.0\.1:\d+)/, "workerd's address");
    report = (await (await fetch(defined(url, "workerd's URL"))).json()) as typeof report;
  } finally {
    await workerd.stop();
    received = await server.stop();
  }
  expect(report.error, workerd.stdout + workerd.stderr).toBeUndefined();
  expect(received, "what the fake over HTTP received from workerd").toEqual(EXPECTED_RECEIVED);
  expect(report.overHttp).toEqual(EXPECTED_REPORT);
  expect(report.inProcess).toEqual({ ...EXPECTED_REPORT, received: EXPECTED_RECEIVED });
  expect(report.webhooks, "verifyWebhook and the fake's deliveries").toEqual(EXPECTED_WEBHOOKS);
});

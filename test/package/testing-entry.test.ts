import { copyFile, cp, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/prism-server.ts";
import { defined } from "../helpers/defined.ts";
import { installedPackage } from "../helpers/installed-package.ts";
import { execFileAsync } from "../helpers/packed-package.ts";
import { portIsFree } from "../helpers/port-is-free.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";
import { ServingCommand } from "../helpers/serving-command.ts";

// @piriod/api/testing as another team gets it: from the packed tarball, installed offline into a
// fresh project (its types are checked there by consumer-types.test.ts).
const HERE = path.dirname(fileURLToPath(import.meta.url));
const PACKAGE = path.join("node_modules", "@piriod", "api");

beforeAll(async () => {
  const { root } = installedPackage().consumer;
  await cp(path.join(HERE, "loads"), root, { recursive: true });
  await copyFile(path.join(HERE, "consumers", "fake-example.test.ts"), path.join(root, "fake-example.test.ts"));
});

/** The files of the installed package that running `code` in the consumer project loads, relative to the package (`dist/src/node.js`). */
async function packageFilesLoadedBy(code: string, options: { conditions?: readonly string[] } = {}): Promise<string[]> {
  const { root } = installedPackage().consumer;
  const record = path.join(root, `loads-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
  await installedPackage().consumer.node(code, {
    ...options,
    flags: ["--import", "./record-loads.mjs"],
    env: { PIRIOD_LOADS_FILE: record },
  });
  const urls = (await readFile(record, "utf8")).split("\n").filter((url) => url.startsWith("file:"));
  const inPackage = path.join(root, PACKAGE) + path.sep;
  return urls
    .map((url) => fileURLToPath(url))
    .filter((file) => file.startsWith(inPackage))
    .map((file) => path.relative(inPackage, file));
}

const isTheFake = (file: string) => file.startsWith("dist/src/testing/") || file === "dist/generated/fake-model.js";
// The MCP server's bin, and the spec it alone reads at run time.
const isTheMcpServer = (file: string) => file.startsWith("dist/src/mcp/") || file === "dist/generated/openapi.json";

describe("@piriod/api/testing in the packed package", () => {
  it("serves a client's calls through fake.fetch, imported and required", async () => {
    const { consumer } = installedPackage();
    const output = await consumer.node(
      `import { createPiriodClient, toCustomerUpdate } from "@piriod/api";` +
        `import { createPiriodFake } from "@piriod/api/testing";` +
        `const fake = createPiriodFake({ examples: true });` +
        `const piriod = createPiriodClient({ apiKey: "sk_test_fake", workspace: "acc_01H8XYZ123ABC", fetch: fake.fetch });` +
        `const customer = await piriod.customers.retrieve("cus_01H8XYZ123ABC");` +
        `const updated = await piriod.customers.update(customer.id, { ...toCustomerUpdate(customer), email: "pagos@andes.cl" });` +
        `console.log(JSON.stringify([updated.email, fake.requests.map((request) => request.operation + " " + request.status)]));`,
    );
    expect(JSON.parse(output)).toEqual(["pagos@andes.cl", ["customers.retrieve 200", "customers.update 200"]]);
    const required = await consumer.node(
      `const { createPiriodFake } = require("@piriod/api/testing"); const { createPiriodClient } = require("@piriod/api");` +
        `const fake = createPiriodFake({ examples: true });` +
        `createPiriodClient({ apiKey: "sk_test_fake", workspace: "acc_01H8XYZ123ABC", fetch: fake.fetch }).customers.retrieve("cus_01H8XYZ123ABC").then((customer) => console.log(customer.name));`,
      { commonjs: true },
    );
    expect(required.trim()).toBe("Comercializadora Andes SpA");
  });

  it("ships the piriod-fake bin, built with its #! line, which serves from the consumer project until killed by its PID", async () => {
    const { consumer, packed } = installedPackage();
    const { bin } = JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as {
      bin: Record<string, string>;
    };
    expect(bin["piriod-fake"]).toBe("./dist/src/testing/cli.js");
    expect(packed.files).toContain("dist/src/testing/cli.js");
    expect((await readFile(path.join(REPO_ROOT, "dist", "src", "testing", "cli.js"), "utf8")).split("\n")[0]).toBe(
      "#!/usr/bin/env node",
    );

    // Run as npm linked it, not through node: the #! line and the file's mode must do.
    const command = new ServingCommand(
      path.join(consumer.root, "node_modules", ".bin", "piriod-fake"),
      ["--port", "0"],
      consumer.root,
    );
    try {
      const [, url, port] = await command.waitForOutput(/listening on (http:\/\/127\.0\.0\.1:(\d+))\n/);
      const response = await fetch(`${url}/customers/cus_01H8XYZ123ABC/`, {
        headers: { authorization: "Token sk_test_fake", "x-simple-workspace": "acc_01H8XYZ123ABC" },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ id: "cus_01H8XYZ123ABC", name: "Comercializadora Andes SpA" });
      process.kill(command.pid, "SIGTERM");
      expect(await command.exited).toEqual({ code: 0, signal: null });
      expect(await portIsFree(Number(port))).toBe(true);
    } finally {
      await command.kill();
    }
  });

  it("names itself in the bin's usage", async () => {
    const { consumer } = installedPackage();
    const { stdout } = await execFileAsync(
      path.join(consumer.root, "node_modules", ".bin", "piriod-fake"),
      ["--help"],
      { cwd: consumer.root },
    );
    expect(stdout).toMatch(/^Usage: piriod-fake \[options\]\n/);
  });

  it.each([
    ["Node's entry", []],
    ["the entry of browsers and workers", ["browser"]],
  ] as const)(
    "is never loaded by the client through %s, not even by what a call loads on first use, nor is the MCP server",
    async (_entry, conditions) => {
      // Nothing listens on the port: the calls fail to connect, after loading the transport, the validators and openapi-fetch.
      const port = await freePort();
      const loaded = await packageFilesLoadedBy(
        `const { createPiriodClient } = await import("@piriod/api"); await import("@piriod/api/node");` +
          `const piriod = createPiriodClient({ apiKey: "sk_test_fake", workspace: "acc_01H8XYZ123ABC", baseUrl: "http://127.0.0.1:${port}", maxRetries: 0 });` +
          `await piriod.customers.update("cus_01H8XYZ123ABC", { name: "Andes SpA", address: "Av. Providencia 1234", country: "CL", state: 13 }).catch(() => {});` +
          `await piriod.raw.GET("/customers/").catch(() => {});`,
        { conditions },
      );
      expect(loaded).toEqual(
        expect.arrayContaining([
          "dist/src/node.js",
          "dist/generated/validators/customer-update.js",
          expect.stringMatching(/^dist\/src\/chunks\/raw-client-/),
        ]),
      );
      if (conditions.length > 0) expect(loaded).toContain("dist/src/index.js");
      expect(loaded.filter(isTheFake)).toEqual([]);
      expect(loaded.filter(isTheMcpServer)).toEqual([]);
    },
  );

  it("is seen loading when imported, by the same recording", async () => {
    const loaded = await packageFilesLoadedBy(`await import("@piriod/api/testing");`);
    expect(loaded.filter(isTheFake)).toEqual(
      expect.arrayContaining(["dist/src/testing/index.js", "dist/generated/fake-model.js"]),
    );
  });

  it("sees the MCP server's bin loading when it runs, by the same recording", async () => {
    const loaded = await packageFilesLoadedBy(
      `process.argv.push("piriod-mcp", "--help"); await import("./${PACKAGE}/dist/src/mcp/cli.js");`,
    );
    expect(loaded.filter(isTheMcpServer)).toContain("dist/src/mcp/cli.js");
  });

  it("runs the README's vitest example against the installed package", async () => {
    const { root } = installedPackage().consumer;
    const vitest = path.join(REPO_ROOT, "node_modules", "vitest", "vitest.mjs");
    const report = path.join(root, "fake-example-report.json");
    // The vitest running this test tells its workers who they are; the one started here must not take that for itself.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST")));
    await execFileAsync(
      process.execPath,
      [vitest, "run", "fake-example.test.ts", "--root", root, "--reporter=json", `--outputFile=${report}`],
      { cwd: root, env: { ...env, NO_COLOR: "1" } },
    ).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`vitest failed in the consumer project:\n${error.stdout}\n${error.stderr}`);
    });
    const { numTotalTests, numPassedTests, testResults } = JSON.parse(await readFile(report, "utf8")) as {
      numTotalTests: number;
      numPassedTests: number;
      testResults: { name: string }[];
    };
    const example = await readFile(path.join(HERE, "consumers", "fake-example.test.ts"), "utf8");
    expect(testResults.map((result) => result.name)).toEqual([path.join(root, "fake-example.test.ts")]);
    expect(numTotalTests).toBe(defined(example.match(/^\s+it\(/gm), "the example's tests").length);
    expect(numPassedTests).toBe(numTotalTests);
  });
});

import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { runIn } from "./lib/run.ts";
import { NODES, type Runtime } from "./lib/runtimes.ts";

// Jest 30 suites of a consumer's own (consumer/jest/), on each Node, against the installed package:
// the CommonJS mode set up as docs/runtimes.md says, the ES module mode, and Jest's own
// require(esm) where Node gives it (24.9 and later).
const consumer = inject("consumer");
const TESTS_IN_SUITE = 3;

interface JestReport {
  numTotalTests: number;
  numPassedTests: number;
  testResults: { message: string }[];
}

/** Runs Jest in `project` (consumer/jest/<project>) on `runtime`, and reads its JSON report. */
async function jest(
  runtime: Runtime,
  project: "commonjs" | "esm",
  { vmModules = false, config }: { vmModules?: boolean; config?: string } = {},
): Promise<JestReport & { output: string }> {
  const cwd = path.join(consumer, "jest", project);
  const report = path.join(cwd, `report-${runtime.version}-${vmModules}-${config ?? "file"}.json`);
  const output = await runIn(cwd, [
    runtime.binary,
    ...(vmModules ? ["--experimental-vm-modules"] : []),
    path.join(consumer, "node_modules", "jest", "bin", "jest.js"),
    "--json",
    `--outputFile=${report}`,
    `--cacheDirectory=${path.join(consumer, ".jest-cache")}`,
    ...(config === undefined ? [] : ["--config", config]),
  ]).catch((error: Error) => error.message);
  return { ...(JSON.parse(await readFile(report, "utf8")) as JestReport), output };
}

function expectAllPassed(report: JestReport & { output: string }): void {
  expect(report.numTotalTests, report.output).toBe(TESTS_IN_SUITE);
  expect(report.numPassedTests, report.testResults.map(({ message }) => message).join("\n")).toBe(TESTS_IN_SUITE);
}

/** Jest requires an ES module itself from Node 24.9 on (with --experimental-vm-modules), which gives it the vm API it needs. */
function hasJestRequireEsm(runtime: Runtime): boolean {
  const [major = 0, minor = 0] = runtime.version.split(".").map(Number);
  return major > 24 || (major === 24 && minor >= 9);
}

describe.each(NODES)("$name", (runtime) => {
  it("Jest's CommonJS mode, with babel-jest compiling the package as docs/runtimes.md sets it up", async () => {
    expectAllPassed(await jest(runtime, "commonjs"));
  });

  it("Jest's ES module mode (--experimental-vm-modules)", async () => {
    expectAllPassed(await jest(runtime, "esm", { vmModules: true }));
  });

  // One or the other, by the Node: a test that only some Nodes run would be reported skipped on the others.
  if (hasJestRequireEsm(runtime)) {
    it("Jest's CommonJS mode with no transform, requiring the package through --experimental-vm-modules", async () => {
      expectAllPassed(await jest(runtime, "commonjs", { vmModules: true, config: "{}" }));
    });
  } else {
    it("Jest's CommonJS mode with no set-up cannot require the package, as docs/runtimes.md warns", async () => {
      const report = await jest(runtime, "commonjs", { config: "{}" });
      expect(report.numTotalTests).toBe(0);
      expect(report.testResults.map(({ message }) => message).join("\n")).toContain(
        "Must use import to load ES Module",
      );
    });
  }
});

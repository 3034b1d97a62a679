import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { runIn } from "./lib/run.ts";
import { NODES } from "./lib/runtimes.ts";

// Browser code's tests under the DOM that jsdom and happy-dom emulate (consumer/dom/), run by the
// consumer project's vitest on each Node: a client on the fake's fetch, made without
// dangerouslyAllowBrowser, for the guard tells a DOM emulated in Node from a visitor's browser.
const consumer = inject("consumer");
const FILES = ["dom/happy-dom.test.js", "dom/jsdom.test.js"];

interface JsonReport {
  numTotalTests: number;
  numPassedTests: number;
  testResults: { name: string; status: string; message: string }[];
}

describe.each(NODES)("$name", (runtime) => {
  it("runs vitest suites under jsdom and happy-dom with a client on the fake", async () => {
    const report = path.join(consumer, `dom-report-${runtime.version}.json`);
    const vitest = path.join(consumer, "node_modules", "vitest", "vitest.mjs");
    const output = await runIn(consumer, [
      runtime.binary,
      vitest,
      "run",
      ...FILES,
      "--reporter=json",
      `--outputFile=${report}`,
    ]).catch((error: Error) => error.message);
    const { numTotalTests, numPassedTests, testResults } = JSON.parse(await readFile(report, "utf8")) as JsonReport;
    const failures = testResults.map(({ message }) => message).join("\n");
    expect(testResults.map(({ name }) => path.relative(consumer, name)).sort(), output).toEqual(FILES);
    expect(numTotalTests).toBe(6);
    expect(numPassedTests, failures).toBe(numTotalTests);
  });
});

import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Three projects, all run by `npm test`. `unit` (`npm run test:unit`) is the loop to run while
 * changing code: the runtime, the fake, the validators and the conformance corpus, from the source
 * alone. `package` tests the package as built, packed and installed in a consumer project.
 * `integration` holds the rest: the pipeline run in a copy of the project, a browser, Prism, the
 * docs, the release scripts.
 */
const UNIT_FOLDERS = [
  "test/client",
  "test/testing",
  "test/validators",
  "test/conformance",
  "test/types",
  "test/webhooks",
];
const INTEGRATION_IN_UNIT_FOLDERS = [
  "test/client/new-operation.test.ts",
  "test/client/in-chromium.test.ts",
  "test/client/prism.test.ts",
  "test/testing/new-resource.test.ts",
  "test/webhooks/bundle.test.ts",
];

// Consumers' code is run where it belongs: test/package/testing-entry.test.ts runs the README's
// vitest example inside a project with the packed package installed, not against the source here.
// test/runtimes/ is `npm run test:runtimes`, with runtimes of its own.
const OWN_RUNS = ["test/package/consumers/", "test/runtimes/"];
const testFiles = readdirSync(new URL("test", import.meta.url), { recursive: true, encoding: "utf8" })
  .map((file) => `test/${file}`)
  .filter((file) => file.endsWith(".test.ts") && !OWN_RUNS.some((folder) => file.startsWith(folder)));
const isUnit = (file: string) =>
  UNIT_FOLDERS.some((folder) => file.startsWith(`${folder}/`)) && !INTEGRATION_IN_UNIT_FOLDERS.includes(file);

/** Runs of the pipeline, a browser, npm or a release take seconds here, and a minute on a busy machine. */
const SLOW_TEST_TIMEOUT = 120_000;

const isPackage = (file: string) => file.startsWith("test/package/");

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A worker per core (vitest leaves one core to itself by default): most files wait on processes
    // they start (the pipeline, Redocly, tsc, npm, Chromium), and with one worker the other core idled.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: testFiles.filter(isUnit),
          // The files share one module graph: each imports the runtime, the validators and their
          // helpers once instead of once a file, which halves the loop's time. A file that changes
          // a global (fetch, timers, msw's interceptors) restores it in its own hooks.
          isolate: false,
          // Type tests (`*.test-d.ts`) are checked by the TypeScript compiler, not run.
          // One verdict from TypeScript 7's native compiler, several times faster than 5.9, which
          // `npm run typecheck` runs over the same files in the build.
          typecheck: {
            enabled: true,
            include: ["test/**/*.test-d.ts"],
            tsconfig: "./tsconfig.json",
            checker: fileURLToPath(new URL("node_modules/typescript-7/bin/tsc", import.meta.url)),
          },
        },
      },
      {
        extends: true,
        // One packed install serves every file: packing and installing take longer than most of their tests.
        test: {
          name: "package",
          include: testFiles.filter(isPackage),
          globalSetup: ["test/helpers/installed-package.ts"],
          testTimeout: SLOW_TEST_TIMEOUT,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: testFiles.filter((file) => !isUnit(file) && !isPackage(file)),
          testTimeout: SLOW_TEST_TIMEOUT,
        },
      },
    ],
  },
});

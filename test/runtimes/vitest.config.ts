import { defineConfig } from "vitest/config";

// `npm run test:runtimes`: the packed package in every runtime and test runner of the matrix, apart
// from `npm test` (its runtimes weigh over a gigabyte, installed by test/runtimes' own lock file).
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/runtimes/*.test.ts"],
    globalSetup: ["test/runtimes/setup.ts"],
    testTimeout: 120_000,
    // Its tests wait on the runtimes' processes far more than they compute: two files at once use both cores.
    maxWorkers: 2,
  },
});

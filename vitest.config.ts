import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Consumers' code, run where it belongs: test/package/testing-entry.test.ts runs the README's
    // vitest example inside a project with the packed package installed, not against the source here.
    // test/runtimes/ is `npm run test:runtimes`, with runtimes of its own.
    exclude: [...configDefaults.exclude, "test/package/consumers/**", "test/runtimes/**"],
    // Type tests (`*.test-d.ts`) are checked by the TypeScript compiler, not run.
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

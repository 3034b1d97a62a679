import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { typecheckConsumer } from "../../scripts/release/consumer-check.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";

// Beside the spec diff, check:breaking compiles the last release's consumer code against the
// package as built now (dist/, made by `npm run build`).
it("the last release's consumer code compiles against this build", async () => {
  expect(await typecheckConsumer(REPO_ROOT, path.join(REPO_ROOT, "release", "consumer.ts"))).toBe("");
});

it("consumer code that uses what the package no longer offers fails, naming the problem", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "piriod-old-consumer-"));
  try {
    const file = path.join(dir, "consumer.ts");
    await writeFile(
      file,
      `import { createPiriodClient } from "@piriod/api";\n` +
        `const piriod = createPiriodClient({ apiKey: "sk_test", workspace: "acc_1" });\n` +
        `export const removed = piriod.customers.remove("cus_1");\n`,
    );
    // TS2339: no such property; the code and the place, not TypeScript's wording.
    expect(await typecheckConsumer(REPO_ROOT, file)).toMatch(/^consumer\.ts\(3,\d+\): error TS2339: .*'remove'/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

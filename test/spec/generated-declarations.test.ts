import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/project-copy.ts";
import { tsc } from "../helpers/tsc.ts";

// The project's own type-check skips .d.ts files (some dependencies ship broken ones), so the
// generated declarations are compiled here on their own, strictly, with skipLibCheck off.
it("generated declarations compile strictly with skipLibCheck off", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "piriod-dts-"));
  try {
    const generated = path.join(REPO_ROOT, "generated");
    await writeFile(
      path.join(dir, "consumer.ts"),
      `import type { Customer, CustomerUpdate } from "${generated}/schema.js";\n` +
        `import { validateCustomerUpdate } from "${generated}/validators.js";\n` +
        `const body: CustomerUpdate = { name: "Andes SpA", address: "Av. Providencia 1234", country: "CL", state: 13 };\n` +
        `const result = validateCustomerUpdate(body);\n` +
        `export const value: CustomerUpdate | undefined = result.ok ? result.value : undefined;\n` +
        `export type Name = Customer["name"];\n`,
    );
    await writeFile(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          types: [],
        },
        files: ["consumer.ts"],
      }),
    );
    // One verdict, from TypeScript 7, with the files it read.
    const run = await tsc(dir, dir, "typescript-7", ["--listFiles"]);
    expect(run.output).toContain("generated/validators/customer-update.d.ts");
    expect(run.diagnostics).toEqual([]);
    expect(run.ok).toBe(true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

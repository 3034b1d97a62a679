import { rm } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { useProjectCopy } from "../helpers/project-copy.ts";

// `npm run generate -- --check` is the drift gate CI runs before anything regenerates. The first
// test runs it by its command line; the others call it in this process, as the command line does.
describe("generate --check", () => {
  const project = useProjectCopy();

  it("exits 0 when generated/ is what the spec produces, and writes nothing", async () => {
    const before = await project().snapshot("generated");
    const run = await project().runScript("generate", "--check");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(await project().snapshot("generated")).toEqual(before);
  });

  it("names each stale file when the spec changed, and writes nothing", async () => {
    // A new description changes the bundle and the types, but no validator: validators carry
    // no annotations, so exactly two files are stale.
    await project().edit(
      "openapi/components/schemas/CustomerWrite.yaml",
      "description: Postal code.",
      "description: Postal code (código postal).",
    );
    const before = await project().snapshot("generated");
    const run = await project().runInProcess("generate", "--check");
    expect(run.status).not.toBe(0);
    const named = run.stderr
      .split("\n")
      .filter((line) => line.startsWith("  generated/"))
      .map((line) => line.trim());
    expect(named).toEqual(["generated/openapi.json", "generated/schema.d.ts"]);
    expect(await project().snapshot("generated")).toEqual(before);
  });

  it("names a validator that a constraint change makes stale", async () => {
    await project().edit(
      "openapi/components/schemas/CustomerWrite.yaml",
      "    maxLength: 100\n",
      "    maxLength: 90\n",
    );
    const run = await project().runInProcess("generate", "--check");
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("generated/validators/customer-update.js");
    expect(run.stderr).not.toContain("generated/validators/customer.js");
  });

  it("names files that are missing or no longer generated", async () => {
    await project().write("generated/leftover.js", "export {};\n");
    await rm(`${project().root}/generated/validators/customer.d.ts`);
    const run = await project().runInProcess("generate", "--check");
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("generated/leftover.js (no longer generated)");
    expect(run.stderr).toContain("generated/validators/customer.d.ts (missing)");
  });
});

describe("generate", () => {
  const project = useProjectCopy();

  it("writes nothing when a step after the bundle fails", async () => {
    // Redocly accepts an unknown format; ajv's strict mode refuses it in the last step, after
    // the bundle and the types were already made in memory.
    await project().edit("openapi/components/schemas/CustomerWrite.yaml", "    format: email\n", "    format: rut\n");
    const before = await project().snapshot("generated");
    const run = await project().runInProcess("generate");
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain("✔ types");
    expect(run.stderr).toMatch(/validators: .*rut/);
    expect(await project().snapshot("generated")).toEqual(before);
  });

  it("replaces generated/ with exactly what the spec produces", async () => {
    await project().edit(
      "openapi/components/schemas/CustomerWrite.yaml",
      "    maxLength: 100\n",
      "    maxLength: 90\n",
    );
    await project().write("generated/leftover.js", "export {};\n");
    const run = await project().runInProcess("generate");
    expect(run.status).toBe(0);
    const after = await project().snapshot("generated");
    expect(after["leftover.js"]).toBeUndefined();
    expect(after["validators/customer-update.js"]).toContain("90");
    expect((await project().runInProcess("generate", "--check")).status).toBe(0);
  });
});

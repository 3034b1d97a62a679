import { existsSync } from "node:fs";
import { cp, symlink } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import { REPO_ROOT, useProjectCopy } from "../helpers/project-copy.ts";

// build:package writes into a staging folder and swaps it in: a failure must leave the last
// dist/ as it was, and no half-built folder behind.
const copy = useProjectCopy(["src", "generated", "package.json", "tsconfig.json", "tsconfig.build.json"]);

it("keeps the last dist/ whole, and leaves no staging folder, when a build fails", async () => {
  const project = copy();
  await symlink(path.join(REPO_ROOT, "node_modules"), path.join(project.root, "node_modules"));
  // The last dist/: the repository's, as `npm run build` made it from the same sources.
  await cp(path.join(REPO_ROOT, "dist"), path.join(project.root, "dist"), { recursive: true });
  const before = await project.snapshot("dist");
  expect(Object.keys(before)).toContain("src/node.js");

  await project.edit("src/send.ts", /^/, "export const broken: number = 'not a number';\n");
  const failed = await project.runScript("build-package");
  expect(failed.status).not.toBe(0);
  expect(failed.stderr).toMatch(/tsc failed[\s\S]*src\/send\.ts/);
  expect(await project.snapshot("dist")).toEqual(before);
  expect(existsSync(path.join(project.root, "dist.staging"))).toBe(false);
}, 120_000);

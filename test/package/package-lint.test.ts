import path from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { expect, it } from "vitest";
import { installedPackage } from "../helpers/installed-package.ts";
import { execFileAsync } from "../helpers/packed-package.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";

it("publint reports no problem, suggestions included", async () => {
  const { messages, pkg } = await publint({ pkgDir: REPO_ROOT, level: "suggestion", strict: true });
  expect(messages.map((message) => formatMessage(message, pkg))).toEqual([]);
});

it("are-the-types-wrong reports no problem for an ESM-only package", async () => {
  const attw = path.join(REPO_ROOT, "node_modules", "@arethetypeswrong", "cli", "dist", "index.js");
  const run = await execFileAsync(
    process.execPath,
    [attw, installedPackage().packed.tarball, "--profile", "esm-only", "--format", "json"],
    { cwd: path.dirname(installedPackage().packed.tarball) },
  ).catch((error: { stdout: string }) => error);
  // The report lists every resolution's problems, including those the ESM-only profile ignores
  // (node10, and CommonJS callers of Node 16 to 20.18); the exit code counts only the others.
  const report = JSON.parse(run.stdout) as { analysis: { problems: { resolutionKind: string }[] } };
  expect(
    report.analysis.problems.filter((problem) => !["node10", "node16-cjs"].includes(problem.resolutionKind)),
  ).toEqual([]);
  expect(run).not.toHaveProperty("code");
});

import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PipelineError } from "./pipeline-error.ts";

/** What package.json's `exports` point at under dist/src/ (`./dist/src/node.js`). */
const BUILT_ENTRY = /^\.\/dist\/src\/(.+)\.js$/;

/**
 * Folders of bins that reach the client through its built entries alone, as a consumer would (scripts/lib/entry-imports.ts): on
 * the entry points' side of the boundary between src/ and generated/ (test/architecture/boundary.test.ts).
 */
export const BUILT_AS_CONSUMERS: readonly string[] = ["src/mcp", "src/contract-check"];

/**
 * The package's entry points, read from package.json's `exports` and `bin` so that a new one cannot
 * be forgotten by the build: each JavaScript file they point at in dist/src/, keyed by its name
 * there (`node`, `testing/index`), mapped to the source module it is built from (`src/node.ts`).
 */
export async function packageEntries(root: string): Promise<Record<string, string>> {
  const manifest = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as {
    exports?: unknown;
    bin?: unknown;
  };
  const entries: Record<string, string> = {};
  for (const target of [...exportTargets(manifest.exports), ...exportTargets(manifest.bin)]) {
    const name = target.match(BUILT_ENTRY)?.[1];
    if (name === undefined) continue;
    const source = path.join("src", `${name}.ts`);
    if (!existsSync(path.join(root, source))) {
      throw new PipelineError(
        `build:package: package.json points at ${target}, but there is no ${source} to build it from`,
      );
    }
    entries[name] = source;
  }
  if (Object.keys(entries).length === 0)
    throw new PipelineError("build:package: package.json exports nothing from dist/src/");
  return entries;
}

/** Every path in an `exports` value, through its conditions. */
function exportTargets(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap(exportTargets);
}

/**
 * `npm run build:package`: dist/, what the npm package ships.
 *   dist/src/         the client: src/ bundled by esbuild, one module per entry point that
 *                     package.json exports (index.js, node.js) and chunks/ for what they share
 *                     and what loads on first use; beside them tsc's declarations (.d.ts) of every
 *                     module of src/, which the exports' `types` point at
 *   dist/generated/   everything generated/ holds, copied as it is: the bundled spec, the types,
 *                     the validators, the operation table and the converters the client imports
 * Bundled because Node loads each module of a package on its own: one file per source module
 * made the import several times slower than the same code in a few modules.
 * Written to a staging folder and swapped in, so a failed build leaves the last dist/ whole.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, rename, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bundleClient } from "./lib/bundle-client.ts";
import { PipelineError, reportFailure } from "./lib/pipeline-error.ts";
import { timedStep } from "./lib/timed-step.ts";

const require = createRequire(import.meta.url);

export async function buildPackage(root = process.cwd()): Promise<void> {
  const dist = path.join(root, "dist");
  const staging = path.join(root, "dist.staging");
  await rm(staging, { recursive: true, force: true });
  try {
    await stage(root, staging);
  } catch (error) {
    // The last dist/ stays whole; a half-built staging folder is of no use to anyone.
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await rm(dist, { recursive: true, force: true });
  await rename(staging, dist);
}

/** The whole package, built into `staging`. */
async function stage(root: string, staging: string): Promise<void> {
  const shippedGenerated = path.join(staging, "generated");
  const imported = await bundleClient(root, path.join(staging, "src"), shippedGenerated);
  emitDeclarations(root, staging);
  await cp(path.join(root, "generated"), shippedGenerated, { recursive: true });
  const missing = imported.filter((file) => !existsSync(file)).map((file) => path.relative(staging, file));
  if (missing.length > 0)
    throw new PipelineError(
      `build:package: the client imports ${missing.join(", ")}, which generated/ does not hold: run npm run generate`,
    );
}

/** tsc's declarations of src/ into `outDir`/src/ (tsconfig.build.json emits nothing else). */
function emitDeclarations(root: string, outDir: string): void {
  const tsc = spawnSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", outDir],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  if (tsc.status !== 0) throw new PipelineError(`build:package: tsc failed\n${tsc.stdout}${tsc.stderr}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  timedStep("package → dist/", () => buildPackage()).catch(reportFailure);
}

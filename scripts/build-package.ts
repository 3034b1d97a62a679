/**
 * `npm run build:package`: dist/, what the npm package ships.
 *   dist/src/        the client, compiled by tsc from src/ (ESM + .d.ts)
 *   dist/generated/  the generated modules the client imports, copied as they are
 * Written to a staging folder and swapped in, so a failed build leaves the last dist/ whole.
 */
import { spawnSync } from "node:child_process";
import { cp, rename, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PipelineError, reportFailure } from "./lib/pipeline-error.ts";
import { timedStep } from "./lib/timed-step.ts";

const require = createRequire(import.meta.url);
// What of generated/ the package ships: the bundled spec, the types and the validators.
const SHIPPED = ["openapi.json", "schema.d.ts", "validators.js", "validators.d.ts", "validators"];

export async function buildPackage(root = process.cwd()): Promise<void> {
  const dist = path.join(root, "dist");
  const staging = path.join(root, "dist.staging");
  await rm(staging, { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", staging], {
    cwd: root,
    encoding: "utf8",
  });
  if (tsc.status !== 0) throw new PipelineError(`build:package: tsc failed\n${tsc.stdout}${tsc.stderr}`);
  for (const entry of SHIPPED) {
    await cp(path.join(root, "generated", entry), path.join(staging, "generated", entry), { recursive: true });
  }
  await rm(dist, { recursive: true, force: true });
  if (existsSync(staging)) await rename(staging, dist);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  timedStep("package → dist/", () => buildPackage()).catch(reportFailure);
}

/**
 * Runs the generation steps (bundle, types, validators) on the spec of the project in the
 * working directory and prints their times as JSON; used by bench/pipeline.ts in a child
 * process so each run starts cold and its memory can be measured.
 */
import { bundleSpec } from "../../scripts/bundle-spec.ts";
import { generateTypes } from "../../scripts/generate-types.ts";
import { generateValidators } from "../../scripts/generate-validators.ts";
import { projectPaths } from "../../scripts/lib/project-paths.ts";

const timings: Record<string, number> = {};
async function time<T>(name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  timings[name] = performance.now() - started;
  return result;
}

const { document } = await time("bundle", () => bundleSpec(projectPaths(process.cwd())));
await time("types", () => generateTypes(document));
const validators = await time("validators", () => generateValidators(document));
console.log(JSON.stringify({ timings, validators: Object.keys(validators).filter((file) => file.endsWith(".d.ts") && !/runtime|formats/.test(file)).length - 1 }));

import { PipelineError } from "./lib/pipeline-error.ts";
import type { ProjectPaths } from "./lib/project-paths.ts";
import { runRedocly } from "./lib/redocly.ts";
import type { SpecDocument } from "./lib/spec-document.ts";

/**
 * Bundles the multi-file spec into one document with Redocly: every external `$ref` becomes a
 * component, so each generator reads a single self-contained JSON file.
 */
export async function bundleSpec(paths: ProjectPaths): Promise<{ document: SpecDocument; text: string }> {
  const run = await runRedocly(["bundle", paths.specRoot, "--ext", "json", "--lint-config", "error"], paths.root);
  if (run.status !== 0 || run.stdout.trim() === "") {
    throw new PipelineError(`bundle: Redocly could not bundle ${paths.specRoot}\n${run.stderr}`);
  }
  let document: SpecDocument;
  try {
    document = JSON.parse(run.stdout);
  } catch (error) {
    throw new PipelineError(`bundle: Redocly's output is not JSON (${(error as Error).message})`);
  }
  return { document, text: `${JSON.stringify(document, null, 2)}\n` };
}

/**
 * `npm run generate`: the spec in openapi/ → everything under generated/.
 *   lint       → the spec breaks no rule of redocly.yaml (a spec that does generates nothing)
 *   bundle     → generated/openapi.json
 *   types      → generated/schema.d.ts
 *   validators → generated/validators.js (+ .d.ts, one module per schema under validators/)
 *   operations → generated/operations.js, resources.d.ts, converters.js: the client's methods
 *   fake model → generated/fake-model.js: what the fake of @piriod/api/testing knows of each resource
 *   fake rules → generated/fake-rules.js: the rules Piriod documents for each resource's writes
 * Nothing is written unless every step succeeds. With `--check`, nothing is written at all:
 * it fails, naming each stale file, when the committed output differs from what the spec gives.
 */
import { bundleSpec } from "./bundle-spec.ts";
import { generateFakeModel } from "./generate-fake-model.ts";
import { generateFakeRules } from "./generate-fake-rules.ts";
import { generateOperations } from "./generate-operations.ts";
import { generateTypes } from "./generate-types.ts";
import { generateValidators } from "./generate-validators.ts";
import { type GeneratedFiles, replaceDirectory, staleFiles } from "./generated-output.ts";
import { handWrittenExports } from "./lib/hand-written-exports.ts";
import { PipelineError, reportFailure } from "./lib/pipeline-error.ts";
import { projectPaths } from "./lib/project-paths.ts";
import { timedStep } from "./lib/timed-step.ts";
import { lintSpec } from "./lint-spec.ts";

export async function generate({ check = false, root = process.cwd() } = {}): Promise<void> {
  const paths = projectPaths(root);
  await timedStep("lint openapi/ with redocly.yaml", () => lintSpec(root));
  const { document, text } = await timedStep("bundle → generated/openapi.json", () => bundleSpec(paths));
  const reserved = await handWrittenExports(root);
  const types = await timedStep("types → generated/schema.d.ts", () => generateTypes(document, reserved));
  const validators = await timedStep("validators → generated/validators.js", () => generateValidators(document));
  const operations = await timedStep("operations → generated/operations.js", () =>
    generateOperations(document, reserved),
  );
  const fakeModel = await timedStep("fake model → generated/fake-model.js", async () => generateFakeModel(document));
  const fakeRules = await timedStep("fake rules → generated/fake-rules.js", async () => generateFakeRules(document));
  const files: GeneratedFiles = {
    "openapi.json": text,
    "schema.d.ts": types,
    ...validators,
    ...operations,
    ...fakeModel,
    ...fakeRules,
  };

  if (check) {
    const stale = await timedStep("check generated/ against the spec", () => staleFiles(paths.generatedDir, files));
    if (stale.length > 0) {
      throw new PipelineError(
        `generated/ is stale; run \`npm run generate\` and commit the result:\n${stale.map((name) => `  generated/${name}`).join("\n")}`,
      );
    }
    return;
  }
  await timedStep(`write ${Object.keys(files).length} files to generated/`, () =>
    replaceDirectory(paths.generatedDir, files),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  generate({ check: process.argv.includes("--check") }).catch(reportFailure);
}

/**
 * `npm run check:breaking`: what the change since the last release means for the teams that
 * depend on the package, and whether its version says so.
 *
 * - The spec in openapi/ is bundled and compared with the spec of the last release
 *   (release/openapi.json) by `redocly diff`, which rates each change major, minor or patch.
 * - A change to src/ since the last release is at least a patch.
 * - The release must be at least that class: by the version already bumped since the last
 *   release (package.json, kept equal to the spec's info.version), or by pending changesets.
 * - The consumer file of the last release (release/consumer.ts) must still compile against the
 *   package as built now: a change of generator or client that breaks consumers' code is
 *   caught even when the spec did not change.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { bundleSpec } from "./bundle-spec.ts";
import { PipelineError, reportFailure } from "./lib/pipeline-error.ts";
import { projectPaths } from "./lib/project-paths.ts";
import { timedStep } from "./lib/timed-step.ts";
import { typecheckConsumer } from "./release/consumer-check.ts";
import { highestBump, pendingChangesets } from "./release/pending-changesets.ts";
import { RELEASE_CONSUMER, RELEASED_SPEC } from "./release/release-files.ts";
import { bumpBetween, bumpRank, bumpVersion, maxBump } from "./release/semver.ts";
import { changedSinceRelease } from "./release/source-changes.ts";
import { diffSpecs } from "./release/spec-diff.ts";

export async function checkBreaking(root = process.cwd()): Promise<string> {
  const paths = projectPaths(root);
  const releasedSpec = path.join(root, RELEASED_SPEC);
  const released = JSON.parse(await readFile(releasedSpec, "utf8")) as { info: { version: string } };
  const pkg = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { name: string; version: string };
  const { document, text } = await bundleSpec(paths);

  const scratch = await mkdtemp(path.join(tmpdir(), "piriod-diff-"));
  let diff: Awaited<ReturnType<typeof diffSpecs>>;
  try {
    const revision = path.join(scratch, "openapi.json");
    await writeFile(revision, text);
    diff = await diffSpecs(root, releasedSpec, revision);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const sourceChanges = await changedSinceRelease(root, RELEASED_SPEC, ["src"]);
  const required = maxBump(diff.bump, sourceChanges?.length ? "patch" : "none");
  const changesets = await pendingChangesets(root, pkg.name);
  const covered = maxBump(bumpBetween(released.info.version, pkg.version), highestBump(changesets));

  const report = [
    `since ${released.info.version}: spec ${diff.bump === "none" ? "unchanged" : `change is ${diff.bump}`}` +
      `, src/ ${sourceChanges === undefined ? "not compared (no git history)" : sourceChanges.length ? `changed (${sourceChanges.length} files)` : "unchanged"}` +
      `; release covered: ${covered} (package ${pkg.version}, ${changesets.length} pending changesets)`,
    ...diff.changes.map((change) => `  ${change.impact.padEnd(5)} ${change.description}`),
  ].join("\n");

  const problems: string[] = [];
  if (document.info.version !== pkg.version) {
    problems.push(
      `openapi/openapi.yaml info.version is ${document.info.version} but package.json version is ${pkg.version}: they move together`,
    );
  }
  if (bumpRank(covered) < bumpRank(required)) {
    problems.push(
      `this change needs a ${required} release: add a changeset (\`npx changeset\`) of at least ${required}, ` +
        `or release as ${bumpVersion(released.info.version, required)}`,
    );
  }
  const consumer = path.join(root, RELEASE_CONSUMER);
  if (existsSync(consumer)) {
    const complaints = await typecheckConsumer(root, consumer);
    if (complaints) {
      problems.push(
        `${RELEASE_CONSUMER}, the consumer code of ${released.info.version}, no longer compiles against this build (a breaking change):\n${complaints}`,
      );
    }
  }
  if (problems.length > 0)
    throw new PipelineError(`${report}\n${problems.map((problem) => `✘ ${problem}`).join("\n")}`);
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  timedStep("check:breaking against the last release", async () => console.log(await checkBreaking())).catch(
    reportFailure,
  );
}

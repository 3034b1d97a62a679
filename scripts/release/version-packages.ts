/**
 * `npm run version-packages`: turns the pending changesets into a release. `changeset version`
 * bumps package.json and writes CHANGELOG.md; then the spec's info.version follows the package
 * version, generated/ is regenerated, and the release snapshot that `check:breaking` compares
 * against (release/openapi.json, release/consumer.ts) becomes this release.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { generate } from "../generate.ts";
import { PipelineError, reportFailure } from "../lib/pipeline-error.ts";
import { RELEASE_CONSUMER, RELEASED_SPEC, SPEC_ROOT } from "./release-files.ts";

const require = createRequire(import.meta.url);

export async function versionPackages(root = process.cwd()): Promise<string> {
  const changeset = spawnSync(process.execPath, [require.resolve("@changesets/cli/bin.js"), "version"], {
    cwd: root,
    stdio: "inherit",
  });
  if (changeset.status !== 0) throw new PipelineError("version-packages: `changeset version` failed");
  const { version } = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { version: string };
  const specRoot = path.join(root, SPEC_ROOT);
  const spec = await readFile(specRoot, "utf8");
  // info.version is the only `version:` indented by two spaces in the root file.
  const updated = spec.replace(/^ {2}version: .*$/m, `  version: ${version}`);
  if (updated === spec && !spec.includes(`  version: ${version}`))
    throw new PipelineError(`version-packages: no info.version in ${SPEC_ROOT}`);
  await writeFile(specRoot, updated);
  await generate({ root });
  await copyFile(path.join(root, "generated", "openapi.json"), path.join(root, RELEASED_SPEC));
  const consumer = path.join(root, "test", "package", "consumer.ts");
  if (existsSync(consumer)) await copyFile(consumer, path.join(root, RELEASE_CONSUMER));
  return version;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  versionPackages()
    .then((version) =>
      console.log(
        `✔ release ${version}: package.json, CHANGELOG.md, openapi/openapi.yaml, generated/ and release/ updated`,
      ),
    )
    .catch(reportFailure);
}

import { readdir, readFile, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { expect, it } from "vitest";
import { highestBump, pendingChangesets } from "../../scripts/release/pending-changesets.ts";
import { bumpVersion, maxBump } from "../../scripts/release/semver.ts";
import { REPO_ROOT, useProjectCopy } from "../helpers/project-copy.ts";

const project = useProjectCopy(["openapi", "generated", "redocly.yaml", "release", "package.json", ".changeset"]);

it("turns pending changesets into a release the breaking-change gate accepts", async () => {
  const copy = project();
  // changeset resolves its changelog module from the project, as in the repository.
  await symlink(path.join(REPO_ROOT, "node_modules"), path.join(copy.root, "node_modules"));
  // The copy has no dist/ to compile the release's consumer code against (consumer-check.test.ts does that).
  await rm(path.join(copy.root, "release", "consumer.ts"));
  const read = (file: string) => readFile(path.join(copy.root, file), "utf8");
  const { name, version } = JSON.parse(await read("package.json"));
  // The minor change below, released with whatever the repository's pending changesets already ask for.
  const next = bumpVersion(version, maxBump("minor", highestBump(await pendingChangesets(copy.root, name))));
  await copy.edit(
    "openapi/components/schemas/CustomerWrite.yaml",
    "properties:\n",
    "properties:\n  nickname:\n    type: string\n    description: Short name.\n",
  );
  await copy.write(
    ".changeset/nickname.md",
    `---\n"@piriod/api": minor\n---\n\nCustomerUpdate gains an optional \`nickname\`.\n`,
  );
  expect((await copy.runInProcess("check-breaking")).status).toBe(0);

  const run = await copy.runScript("release/version-packages");
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);

  expect(JSON.parse(await read("package.json")).version).toBe(next);
  // The changeset's text under the new version's heading; how changesets titles its groups is its own wording.
  expect(await read("CHANGELOG.md")).toMatch(
    new RegExp(`## ${next.replace(/\./g, "\\.")}\n[\\s\\S]*CustomerUpdate gains an optional \`nickname\``),
  );
  expect(await read("openapi/openapi.yaml")).toContain(`\n  version: ${next}\n`);
  expect(JSON.parse(await read("generated/openapi.json")).info.version).toBe(next);
  expect(
    JSON.parse(await read("release/openapi.json")).components.schemas.CustomerWrite.properties.nickname,
  ).toBeDefined();
  expect((await readdir(path.join(copy.root, ".changeset"))).filter((name) => name.endsWith(".md"))).toEqual([
    "README.md",
  ]);

  const gate = await copy.runInProcess("check-breaking");
  expect(gate.stderr).toBe("");
  expect(gate.stdout).toContain(`since ${next}: spec unchanged`);
});

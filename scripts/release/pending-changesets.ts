import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { PipelineError } from "../lib/pipeline-error.ts";
import { BUMPS, type Bump, maxBump } from "./semver.ts";

export interface Changeset {
  file: string;
  bump: Bump;
  summary: string;
}

/**
 * The changesets waiting in `.changeset/` for `packageName`, as `changeset version` will read
 * them: a front matter of `"name": patch|minor|major` lines, then the summary.
 */
export async function pendingChangesets(root: string, packageName: string): Promise<Changeset[]> {
  const dir = path.join(root, ".changeset");
  const files = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith(".md") && name !== "README.md");
  const changesets: Changeset[] = [];
  for (const file of files.sort()) {
    const text = await readFile(path.join(dir, file), "utf8");
    const match = text.match(/^---\n([\s\S]*?)\n---\n?([\s\S]*)$/);
    if (!match) throw new PipelineError(`.changeset/${file}: no front matter (--- "${packageName}": minor ---)`);
    const [, frontMatter = "", summary = ""] = match;
    for (const line of frontMatter.split("\n").filter((entry) => entry.trim() !== "")) {
      const [, name, bump = ""] = line.match(/^\s*["']?([^"':]+)["']?\s*:\s*(\w+)\s*$/) ?? [];
      if (!(BUMPS as readonly string[]).includes(bump) || bump === "none") {
        throw new PipelineError(`.changeset/${file}: "${line}" is not \`"package": patch|minor|major\``);
      }
      if (name !== packageName) throw new PipelineError(`.changeset/${file}: unknown package "${name}"`);
      changesets.push({ file, bump: bump as Bump, summary: summary.trim() });
    }
  }
  return changesets;
}

export function highestBump(changesets: Changeset[]): Bump {
  return maxBump(...changesets.map((changeset) => changeset.bump));
}

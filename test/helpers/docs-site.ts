import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { buildDocs, DOCS_INPUTS } from "../../scripts/build-docs.ts";
import { REPO_ROOT } from "./project-copy.ts";

export const SITE_DIR = path.join(REPO_ROOT, "site");
const PAGE = path.join(SITE_DIR, "index.html");

const modified = (file: string) =>
  stat(file).then(
    (stats) => stats.mtimeMs,
    () => undefined,
  );

/** When `input` (a file, or a folder and everything in it) last changed; undefined when it is missing. */
async function lastChanged(input: string): Promise<number | undefined> {
  const own = await modified(input);
  if (own === undefined) return undefined;
  const entries = await readdir(input, { recursive: true }).catch(() => []);
  const inside = await Promise.all(entries.map((entry) => modified(path.join(input, entry))));
  return Math.max(own, ...inside.map((time) => time ?? 0));
}

/**
 * The folder holding the rendered docs, rendered first when the page is missing or older than
 * what it is made from (the spec, the package as built, the consoles' code), so the tests never
 * look at the docs of an older spec or package.
 */
export async function renderedSite(): Promise<string> {
  const page = await modified(PAGE);
  const inputs = await Promise.all(DOCS_INPUTS.map((input) => lastChanged(path.join(REPO_ROOT, input))));
  if (page === undefined || inputs.some((input) => input === undefined || input > page)) {
    await buildDocs({ root: REPO_ROOT, output: PAGE });
  }
  return SITE_DIR;
}

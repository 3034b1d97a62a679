import { stat } from "node:fs/promises";
import path from "node:path";
import { buildDocs } from "../../scripts/build-docs.ts";
import { REPO_ROOT } from "./project-copy.ts";

export const SITE_DIR = path.join(REPO_ROOT, "site");
const PAGE = path.join(SITE_DIR, "index.html");
// What the page is made from: the bundled spec and the script that renders it.
const INPUTS = [path.join(REPO_ROOT, "generated", "openapi.json"), path.join(REPO_ROOT, "scripts", "build-docs.ts")];

const modified = (file: string) =>
  stat(file).then(
    (stats) => stats.mtimeMs,
    () => undefined,
  );

/**
 * The folder holding the rendered docs, rendered first when the page is missing or older than
 * what it is made from, so the tests never look at the docs of an older spec.
 */
export async function renderedSite(): Promise<string> {
  const page = await modified(PAGE);
  const inputs = await Promise.all(INPUTS.map(modified));
  if (page === undefined || inputs.some((input) => input === undefined || input > page)) {
    await buildDocs({ root: REPO_ROOT, output: PAGE });
  }
  return SITE_DIR;
}

import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Entry } from "./senders.ts";

/**
 * The package's name, held in a variable: the import is then resolved where the benchmark runs
 * (the workspace) and not by the type-checker, which would need dist/ before it is built.
 */
const PACKAGE = "@piriod/api";

/** `import "@piriod/api"`, as a consumer in Node writes it. */
export function importPackage(): Promise<Entry> {
  return import(PACKAGE) as Promise<Entry>;
}

/**
 * Both entry points of the package as built: the Node one, as `import "@piriod/api"` resolves in
 * Node, and the fetch one (browsers, Deno, Bun, workers), loaded from the file the package's
 * exports give every runtime but Node, since Node's export conditions never pick it.
 */
export async function packageEntries(packageDir: string): Promise<{ node: Entry; fetch: Entry }> {
  const node = await importPackage();
  const manifest = JSON.parse(await readFile(path.join(packageDir, "package.json"), "utf8")) as { exports: { ".": { default: string } } };
  const fetch = (await import(pathToFileURL(path.join(packageDir, manifest.exports["."].default)).href)) as Entry;
  return { node, fetch };
}

import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Files to write under generated/, keyed by their path relative to it. */
export type GeneratedFiles = Record<string, string>;

/**
 * What differs between `files` and the directory: stale or missing files, and files the
 * pipeline no longer produces. Reads only.
 */
export async function staleFiles(dir: string, files: GeneratedFiles): Promise<string[]> {
  const stale: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const current = await readFile(path.join(dir, name), "utf8").catch(() => undefined);
    if (current === undefined) stale.push(`${name} (missing)`);
    else if (current !== content) stale.push(name);
  }
  for (const name of await listFiles(dir)) {
    if (!(name in files)) stale.push(`${name} (no longer generated)`);
  }
  return stale.sort();
}

/**
 * Replaces the directory with exactly `files`, all or nothing: everything is written to a
 * sibling staging directory first, and only then swapped in by two renames.
 */
export async function replaceDirectory(dir: string, files: GeneratedFiles): Promise<void> {
  const staging = `${dir}.staging`;
  const previous = `${dir}.previous`;
  await rm(staging, { recursive: true, force: true });
  await rm(previous, { recursive: true, force: true });
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(staging, name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  if (existsSync(dir)) await rename(dir, previous);
  await rename(staging, dir);
  await rm(previous, { recursive: true, force: true });
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const names: string[] = [];
  for (const entry of entries) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) names.push(...(await listFiles(dir, name)));
    else names.push(name);
  }
  return names;
}

import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/**
 * The installed folders of every package that the package at `root` needs at run time: its
 * dependencies, theirs, and so on, each found as Node finds it (the nearest node_modules
 * first), never above `root`. npm installs required peers too, so they count; an optional
 * dependency that was not installed does not.
 */
export async function runtimeDependencyFolders(packageRoot: string): Promise<string[]> {
  const root = path.resolve(packageRoot);
  const found = new Set<string>();
  const pending = [root];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    const manifest = JSON.parse(await readFile(path.join(folder, "package.json"), "utf8")) as Manifest;
    for (const { name, optional } of neededAtRunTime(manifest)) {
      const installed = installedFolder(name, folder, root);
      if (installed === undefined) {
        if (optional) continue;
        throw new Error(
          `${name}, which ${manifest.name} needs at run time, is not installed under ${root}: run \`npm ci\``,
        );
      }
      if (found.has(installed)) continue;
      found.add(installed);
      pending.push(installed);
    }
  }
  return [...found].sort();
}

function neededAtRunTime(manifest: Manifest): { name: string; optional: boolean }[] {
  const optionalPeer = (name: string) => manifest.peerDependenciesMeta?.[name]?.optional === true;
  return [
    ...Object.keys(manifest.dependencies ?? {}).map((name) => ({ name, optional: false })),
    ...Object.keys(manifest.optionalDependencies ?? {}).map((name) => ({ name, optional: true })),
    ...Object.keys(manifest.peerDependencies ?? {})
      .filter((name) => !optionalPeer(name))
      .map((name) => ({ name, optional: false })),
  ];
}

function installedFolder(name: string, from: string, root: string): string | undefined {
  for (let folder = from; folder.startsWith(root); folder = path.dirname(folder)) {
    const candidate = path.join(folder, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
  }
  return undefined;
}

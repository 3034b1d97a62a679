import { existsSync } from "node:fs";
import path from "node:path";
import { filesUnder, importsOf } from "./module-imports.ts";

/**
 * The modules of src/ that the JavaScript of generated/ imports at run time (the validators' runtime and formats, what the
 * converters write bodies with), keyed by their name under src/ as package entries are (`validator-runtime` →
 * `src/validator-runtime.ts`). The package builds each into a module of its own in dist/src/, where the copies of generated/ in
 * dist/generated/ find them by the same relative path.
 */
export async function runtimeOfGenerated(root: string): Promise<Record<string, string>> {
  const src = path.join(root, "src");
  const entries: Record<string, string> = {};
  for (const file of await filesUnder(path.join(root, "generated"), [".js"])) {
    for (const imported of await importsOf(file, existsSync)) {
      const inside = path.relative(src, imported);
      if (inside.startsWith("..") || path.isAbsolute(inside)) continue;
      entries[inside.replace(/\.ts$/, "").split(path.sep).join("/")] = path.relative(root, imported);
    }
  }
  return entries;
}

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";

/**
 * The modules a file imports, as TypeScript's pre-processor reads them: `import` and `export … from` (type-only ones included),
 * `import()` in code and in types, `require()`. Relative ones are resolved to the file they name: a `.js` specifier to the `.ts`
 * source beside it when there is no `.js` (as TypeScript, tsx and Vite resolve them), a `.d.ts` when that is what exists; a package's
 * name stays as it is.
 */
export async function importsOf(file: string, exists: (file: string) => boolean): Promise<string[]> {
  const text = await readFile(file, "utf8");
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map(({ fileName }) => (fileName.startsWith(".") ? resolved(file, fileName, exists) : fileName));
}

function resolved(importer: string, specifier: string, exists: (file: string) => boolean): string {
  const target = path.resolve(path.dirname(importer), specifier);
  const stem = target.replace(/\.js$/, "");
  const candidates = importer.endsWith(".d.ts")
    ? [`${stem}.d.ts`, `${stem}.ts`, target]
    : [target, `${stem}.ts`, `${stem}.d.ts`];
  return candidates.find(exists) ?? target;
}

/** Every file under `dir` whose name ends with one of `extensions`, as absolute paths. */
export async function filesUnder(dir: string, extensions: readonly string[]): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension)))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

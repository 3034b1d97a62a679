import path from "node:path";
import type { Plugin } from "esbuild";

/**
 * How a bin built as a consumer imports the client's built entries: through the package's own import map (package.json's
 * `imports`: `#src/*` → `./dist/src/*`), so that the import reads the same from whichever folder of dist/src/ the bin is in.
 */
export const ENTRY_IMPORT = "#src/";

/**
 * Leaves each import of an entry point's module made by a module under one of the folders `from` (src/mcp/, the MCP server's bin) an
 * import of that entry as built, `#src/<its name>.js`: the bin gets the very module consumers load, not a copy, and the entry's files
 * stay byte for byte as they would be without the bin. Bundled together, esbuild would move what both use into a chunk they share,
 * changing the client's files for a bin it never loads. `entries` maps each entry's name in the output (`node`) to its source
 * (`src/node.ts`); `from` and the sources are relative to `root`.
 */
export function keepEntriesExternal(root: string, entries: Record<string, string>, from: readonly string[]): Plugin {
  const nameOf = new Map(Object.entries(entries).map(([name, source]) => [path.resolve(root, source), name]));
  const folders = from.map((folder) => path.resolve(root, folder) + path.sep);
  return {
    name: "keep-entries-external",
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === "entry-point" || !folders.some((folder) => args.importer.startsWith(folder)))
          return undefined;
        const name = nameOf.get(path.resolve(args.resolveDir, args.path).replace(/\.js$/, ".ts"));
        return name === undefined ? undefined : { path: `${ENTRY_IMPORT}${name}.js`, external: true };
      });
    },
  };
}

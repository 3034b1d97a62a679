import path from "node:path";
import type { Plugin } from "esbuild";

/** What an import of another entry point is marked with until the bundle is written: the entry's name under the output folder. */
const MARKER = "@@entry/";
const MARKED = new RegExp(`(["'])${MARKER}([^"']+)`, "g");

/**
 * Leaves each import of an entry point's module made by a module under one of the folders `from` (src/mcp/, the MCP server's bin) an
 * import of that entry as built: the bin gets the very module consumers load, not a copy, and the entry's files stay byte for byte as
 * they would be without the bin. Bundled together, esbuild would move what both use into a chunk they share, changing the client's
 * files for a bin it never loads. `entries` maps each entry's name in the output (`node`) to its source (`src/node.ts`); `from` and
 * the sources are relative to `root`.
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
        return name === undefined ? undefined : { path: `${MARKER}${name}.js`, external: true };
      });
    },
  };
}

/** `text`, an output file written to `file`, with each marked import pointing at the entry's file in `outdir`. */
export function pointAtBuiltEntries(file: string, text: string, outdir: string): string {
  return text.replace(MARKED, (_match, quote: string, target: string) => {
    const relative = path.relative(path.dirname(file), path.join(outdir, target)).split(path.sep).join("/");
    return `${quote}${relative.startsWith(".") ? relative : `./${relative}`}`;
  });
}

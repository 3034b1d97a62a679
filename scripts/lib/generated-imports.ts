import { readFile } from "node:fs/promises";
import path from "node:path";
import { build as esbuild, type Plugin } from "esbuild";

/**
 * Imports of generated/ from src/ stay imports in the bundle, of the copies the package ships in
 * dist/generated/: generated and hand-written code never mix in one file, and the validators
 * ship once. esbuild writes an external path as it is given, and which chunk ends up holding an
 * import is known only once the bundle is made, so the plugin marks each import with this
 * prefix and `pointAtShippedGenerated` turns it into the path from that chunk.
 */
const MARKER = "@@generated/";
/** A marked import: its opening quote, then the path inside generated/. */
const MARKED = new RegExp(`(["'])${MARKER}([^"']+)`, "g");

/** Where a module of generated/ that src/ re-exports whole (`export * from`) is given to esbuild as its names. */
const EXPORTED_NAMES = "generated-exported-names";

/**
 * Leaves every relative import that resolves into `generatedDir` external, marked. But esbuild
 * loses an `export * from` an external module once the module saying it lands in a chunk that
 * entry points share (src/index.ts, which src/node.ts re-exports): each entry re-exports only
 * the names it knows, and `toCustomerUpdate` went missing from the package. So a module of
 * generated/ that is re-exported whole reaches esbuild as `export { its names } from` it, still external.
 */
export function keepGeneratedExternal(generatedDir: string): Plugin {
  return {
    name: "keep-generated-external",
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, async (args) => {
        const file = path.resolve(args.resolveDir, args.path);
        const inside = path.relative(generatedDir, file);
        if (inside.startsWith("..") || path.isAbsolute(inside)) return undefined;
        const shipped = inside.split(path.sep).join("/");
        if (await reExportsWhole(args.importer, args.path))
          return {
            path: `generated/${shipped}`,
            namespace: EXPORTED_NAMES,
            pluginData: { file, marked: MARKER + shipped },
          };
        return { path: MARKER + shipped, external: true };
      });
      build.onResolve({ filter: new RegExp(`^${MARKER}`) }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: EXPORTED_NAMES }, async (args) => {
        const { file, marked } = args.pluginData as { file: string; marked: string };
        return {
          contents: `export { ${(await exportedNames(file)).join(", ")} } from ${JSON.stringify(marked)};`,
          loader: "js",
        };
      });
    },
  };
}

/** Whether the module at `importer` says `export * from` the specifier. */
async function reExportsWhole(importer: string, specifier: string): Promise<boolean> {
  const escaped = specifier.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^\\s*export\\s*\\*\\s*from\\s*(["'])${escaped}\\1`, "m").test(await readFile(importer, "utf8"));
}

/** The names a JavaScript module exports, as esbuild reads them. */
async function exportedNames(file: string): Promise<string[]> {
  const result = await esbuild({
    entryPoints: [file],
    bundle: false,
    format: "esm",
    write: false,
    metafile: true,
    outdir: path.dirname(file),
    logLevel: "silent",
  });
  return Object.values(result.metafile.outputs).flatMap((output) => output.exports);
}

export interface RewrittenOutput {
  text: string;
  /** The files of `shippedDir` this output imports. */
  imports: string[];
}

/** `text`, an output file written to `file`, with each marked import pointing into `shippedDir`. */
export function pointAtShippedGenerated(file: string, text: string, shippedDir: string): RewrittenOutput {
  let relative = path.relative(path.dirname(file), shippedDir).split(path.sep).join("/");
  if (!relative.startsWith(".")) relative = `./${relative}`;
  const imports: string[] = [];
  for (const [, , target = ""] of text.matchAll(MARKED)) imports.push(path.join(shippedDir, target));
  return { text: text.replace(MARKED, `$1${relative}/$2`), imports };
}

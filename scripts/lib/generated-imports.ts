import path from "node:path";
import type { Plugin } from "esbuild";

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

/** Leaves every relative import that resolves into `generatedDir` external, marked. */
export function keepGeneratedExternal(generatedDir: string): Plugin {
  return {
    name: "keep-generated-external",
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const inside = path.relative(generatedDir, path.resolve(args.resolveDir, args.path));
        if (inside.startsWith("..") || path.isAbsolute(inside)) return undefined;
        return { path: MARKER + inside.split(path.sep).join("/"), external: true };
      });
    },
  };
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
  for (const match of text.matchAll(MARKED)) imports.push(path.join(shippedDir, match[2]!));
  return { text: text.replace(MARKED, `$1${relative}/$2`), imports };
}

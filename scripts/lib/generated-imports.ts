import { readFile } from "node:fs/promises";
import path from "node:path";
import { build as esbuild, type Plugin } from "esbuild";
import ts from "typescript";

/**
 * How the bundle of src/ imports generated/: through the package's own import map (package.json's `imports`:
 * `#generated/*` → `./dist/generated/*`), so that an import reads the same from whichever output file esbuild puts it in (an
 * entry in dist/src/, a chunk in dist/src/chunks/). Generated and hand-written code never mix in one file, and the validators
 * ship once.
 */
export const GENERATED_IMPORT = "#generated/";

/** Where a module of generated/ that src/ re-exports whole (`export * from`) is given to esbuild as its names. */
const EXPORTED_NAMES = "generated-exported-names";

/**
 * Leaves every relative import that resolves into `generatedDir` external, as `#generated/<its path there>`. But esbuild loses an
 * `export * from` an external module once the module saying it lands in a chunk that entry points share (src/index.ts, which
 * src/node.ts re-exports): each entry re-exports only the names it knows, and `toCustomerUpdate` went missing from the package. So a
 * module of generated/ that is re-exported whole reaches esbuild as `export { its names } from` it, still external.
 */
export function keepGeneratedExternal(generatedDir: string): Plugin {
  return {
    name: "keep-generated-external",
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, async (args) => {
        const file = path.resolve(args.resolveDir, args.path);
        const inside = path.relative(generatedDir, file);
        if (inside.startsWith("..") || path.isAbsolute(inside)) return undefined;
        const shipped = GENERATED_IMPORT + inside.split(path.sep).join("/");
        if (await reExportsWhole(args.importer, args.path))
          // The path names the module in the bundle's comments: relative, the same on every machine.
          return { path: shipped, namespace: EXPORTED_NAMES, pluginData: { file, shipped } };
        return { path: shipped, external: true };
      });
      build.onResolve({ filter: new RegExp(`^${GENERATED_IMPORT}`) }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: EXPORTED_NAMES }, async (args) => {
        const { file, shipped } = args.pluginData as { file: string; shipped: string };
        return {
          contents: `export { ${(await exportedNames(file)).join(", ")} } from ${JSON.stringify(shipped)};`,
          loader: "js",
        };
      });
    },
  };
}

/** Whether the module at `importer` says `export * from` the specifier, as TypeScript parses it. */
async function reExportsWhole(importer: string, specifier: string): Promise<boolean> {
  const source = ts.createSourceFile(importer, await readFile(importer, "utf8"), ts.ScriptTarget.Latest, false);
  return source.statements.some(
    (statement) =>
      ts.isExportDeclaration(statement) &&
      !statement.isTypeOnly &&
      statement.exportClause === undefined &&
      statement.moduleSpecifier !== undefined &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text === specifier,
  );
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

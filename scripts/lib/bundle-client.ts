import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { type BuildOptions, type BuildResult, build, formatMessages, type Message, type Metafile } from "esbuild";
import { keepEntriesExternal } from "./entry-imports.ts";
import { GENERATED_IMPORT, keepGeneratedExternal } from "./generated-imports.ts";
import { BUILT_AS_CONSUMERS, packageEntries } from "./package-entries.ts";
import { PipelineError } from "./pipeline-error.ts";
import { runtimeOfGenerated } from "./runtime-of-generated.ts";

/**
 * The client's JavaScript: src/ bundled by esbuild into `outdir`, one module per entry point that
 * package.json exports, and what they share or import on demand in `outdir/chunks/`. Node reads,
 * compiles and links each module of a package separately, so a handful of modules import several
 * times faster than the one per source file tsc writes. The `import()`s of src/ (the validators,
 * the Node transport, the light Request and Response classes) stay separate files, loaded on first
 * use. The modules of src/ that generated/ imports are entry points too, so that the copies of
 * generated/ find them in `outdir`. Not minified: names and lines stay readable in stack traces.
 * Returns the files of `generatedDir` (where the package ships generated/, which `#generated/*`
 * names) that the bundle imports.
 */
export async function bundleClient(root: string, outdir: string, generatedDir: string): Promise<string[]> {
  const {
    version,
    dependencies = {},
    peerDependencies = {},
  } = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as {
    version: string;
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  const entries = await packageEntries(root);
  const isConsumer = (source: string) =>
    BUILT_AS_CONSUMERS.some((folder) => source.startsWith(folder + path.sep) || source.startsWith(`${folder}/`));
  const consumers = Object.fromEntries(Object.entries(entries).filter(([, source]) => isConsumer(source)));
  const client = Object.fromEntries(Object.entries(entries).filter(([, source]) => !isConsumer(source)));
  const common = {
    // Paths in the bundle's comments (`// src/client.ts`) are relative to this: the same on every machine.
    absWorkingDir: root,
    tsconfig: path.join(root, "tsconfig.build.json"),
    outdir,
    // The key of each entry point is its path under dist/src/ (`testing/index`).
    entryNames: "[dir]/[name]",
    outbase: "src",
    bundle: true,
    format: "esm",
    // One build for every runtime: the `node` export condition picks the Node entry, nothing here.
    platform: "neutral",
    target: ["node20", "es2022"],
    // Dependencies are installed beside the package, never copied into it; anything else src/
    // imports (ajv-formats' format checks) is bundled, so the package needs no dev dependency.
    external: [...Object.keys(dependencies), ...Object.keys(peerDependencies), "node:*"],
    // A module bundled from node_modules is named by its path there, even where node_modules is a link (a copy of the project).
    preserveSymlinks: true,
    // The version the client names in its User-Agent, from package.json: a build writes it, no file under generated/ holds it.
    define: { __PACKAGE_VERSION__: JSON.stringify(version) },
    write: false,
    metafile: true,
    logLevel: "silent",
  } satisfies BuildOptions;
  const outputs = await built({
    ...common,
    entryPoints: { ...(await runtimeOfGenerated(root)), ...client },
    chunkNames: "chunks/[name]-[hash]",
    splitting: true,
    plugins: [keepGeneratedExternal(path.join(root, "generated"))],
  });
  // The bins built as consumers, in a pass of their own: one file each, sharing no chunk (not even esbuild's helpers) with the
  // client's files, which stay byte for byte as they would be without them.
  if (Object.keys(consumers).length > 0)
    outputs.push(
      ...(await built({
        ...common,
        entryPoints: consumers,
        plugins: [
          keepGeneratedExternal(path.join(root, "generated")),
          keepEntriesExternal(root, entries, BUILT_AS_CONSUMERS),
        ],
      })),
    );
  const imported = outputs.flatMap((output) =>
    output.imports.flatMap(({ path: specifier, external }) =>
      external && specifier.startsWith(GENERATED_IMPORT)
        ? [path.join(generatedDir, specifier.slice(GENERATED_IMPORT.length))]
        : [],
    ),
  );
  return [...new Set(imported)];
}

/** Runs one esbuild pass, writes its files and returns what each output imports; a failure or a warning stops the build. */
async function built(options: BuildOptions & { write: false; metafile: true }): Promise<Metafile["outputs"][string][]> {
  let result: BuildResult<{ write: false; metafile: true }>;
  try {
    result = await build(options);
  } catch (error) {
    if (isBuildFailure(error))
      throw new PipelineError(`build:package: esbuild failed\n${await described(error.errors, "error")}`);
    throw error;
  }
  if (result.warnings.length > 0)
    throw new PipelineError(`build:package: esbuild warned\n${await described(result.warnings, "warning")}`);
  for (const output of result.outputFiles) {
    await mkdir(path.dirname(output.path), { recursive: true });
    await writeFile(output.path, output.text);
  }
  return Object.values(result.metafile.outputs);
}

function isBuildFailure(error: unknown): error is { errors: Message[] } {
  return error instanceof Error && Array.isArray((error as { errors?: unknown }).errors);
}

async function described(messages: Message[], kind: "error" | "warning"): Promise<string> {
  return (await formatMessages(messages, { kind, color: false })).join("");
}

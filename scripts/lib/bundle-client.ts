import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type BuildResult, build, formatMessages, type Message } from "esbuild";
import { keepEntriesExternal, pointAtBuiltEntries } from "./entry-imports.ts";
import { keepGeneratedExternal, pointAtShippedGenerated } from "./generated-imports.ts";
import { packageEntries } from "./package-entries.ts";
import { PipelineError } from "./pipeline-error.ts";

/**
 * The client's JavaScript: src/ bundled by esbuild into `outdir`, one module per entry point that
 * package.json exports, and what they share or import on demand in `outdir/chunks/`. Node reads,
 * compiles and links each module of a package separately, so a handful of modules import several
 * times faster than the one per source file tsc writes. The `import()`s of src/ (the validators,
 * the Node transport, the light Request and Response classes) stay separate files, loaded on first
 * use. Not minified: names and lines stay readable in stack traces. Returns the files of
 * `generatedDir` (where the package ships generated/) that the bundle imports.
 */
/** Folders of bins that reach the client through its built entries alone, as a consumer would (scripts/lib/entry-imports.ts). */
const BUILT_AS_CONSUMERS = ["src/mcp"];

export async function bundleClient(root: string, outdir: string, generatedDir: string): Promise<string[]> {
  const entries = await packageEntries(root);
  let result: BuildResult<{ write: false }>;
  try {
    result = await build({
      entryPoints: entries,
      // Paths in the bundle's comments (`// src/client.ts`) are relative to this: the same on every machine.
      absWorkingDir: root,
      tsconfig: path.join(root, "tsconfig.build.json"),
      outdir,
      // The key of each entry point is its path under dist/src/ (`testing/index`).
      entryNames: "[dir]/[name]",
      outbase: "src",
      chunkNames: "chunks/[name]-[hash]",
      bundle: true,
      splitting: true,
      format: "esm",
      // One build for every runtime: the `node` export condition picks the Node entry, nothing here.
      platform: "neutral",
      target: ["node20", "es2022"],
      // Dependencies are installed beside the package, never copied into it.
      packages: "external",
      external: ["node:*"],
      plugins: [
        keepGeneratedExternal(path.join(root, "generated")),
        keepEntriesExternal(root, entries, BUILT_AS_CONSUMERS),
      ],
      write: false,
      logLevel: "silent",
    });
  } catch (error) {
    if (isBuildFailure(error))
      throw new PipelineError(`build:package: esbuild failed\n${await described(error.errors, "error")}`);
    throw error;
  }
  if (result.warnings.length > 0)
    throw new PipelineError(`build:package: esbuild warned\n${await described(result.warnings, "warning")}`);

  const imported = new Set<string>();
  for (const output of result.outputFiles) {
    const { text, imports } = pointAtShippedGenerated(
      output.path,
      pointAtBuiltEntries(output.path, output.text, outdir),
      generatedDir,
    );
    for (const file of imports) imported.add(file);
    await mkdir(path.dirname(output.path), { recursive: true });
    await writeFile(output.path, text);
  }
  return [...imported];
}

function isBuildFailure(error: unknown): error is { errors: Message[] } {
  return error instanceof Error && Array.isArray((error as { errors?: unknown }).errors);
}

async function described(messages: Message[], kind: "error" | "warning"): Promise<string> {
  return (await formatMessages(messages, { kind, color: false })).join("");
}

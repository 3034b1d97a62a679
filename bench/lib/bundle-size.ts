import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { defined } from "./defined.ts";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

export interface Chunk {
  file: string;
  text: string;
  minifiedBytes: number;
  /** `gzip -9` of the minified chunk: what a server sends compressed at best. */
  gzipBytes: number;
  /** Source files in the chunk (`dist/src/chunks/chunk-….js`, `node_modules/openapi-fetch/dist/index.mjs`), largest first. */
  inputs: { path: string; bytes: number }[];
  /** Chunks this one imports statically: they load with it. */
  imports: string[];
  /** Chunks this one may import on demand. */
  dynamicImports: string[];
}

export interface AppBundle {
  entry: Chunk;
  chunks: Chunk[];
}

/**
 * What an app gets from `source`, built as a bundler would for production: esbuild, minified,
 * with dynamic imports split into chunks of their own (as Vite, Rollup and webpack do). `source`
 * is the app's code, in `dir` (the repository unless given): it may import packages installed
 * there, `@piriod/api` by the package's own exports where `dir` is the package, and files of `dir`.
 */
export async function bundleApp(
  source: string,
  platform: "browser" | "node" = "browser",
  dir = REPO,
): Promise<AppBundle> {
  const result = await build({
    stdin: { contents: source, resolveDir: dir, sourcefile: "app.ts", loader: "ts" },
    absWorkingDir: dir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform,
    minify: true,
    write: false,
    metafile: true,
    outdir: "out",
    logLevel: "silent",
  });
  const outputs = (result.metafile as Metafile).outputs;
  const built = result.outputFiles.map((output) => {
    const [file, meta] = defined(
      Object.entries(outputs).find(([name]) => output.path.endsWith(name)),
      `the metafile's entry for ${output.path}`,
    );
    const chunk: Chunk = {
      file,
      text: output.text,
      minifiedBytes: output.contents.length,
      gzipBytes: gzipSync(output.contents, { level: 9 }).length,
      inputs: Object.entries(meta.inputs)
        .map(([path, input]) => ({ path, bytes: input.bytesInOutput }))
        .sort((a, b) => b.bytes - a.bytes),
      imports: meta.imports
        .filter((imported) => imported.kind === "import-statement" && !imported.external)
        .map((imported) => imported.path),
      dynamicImports: meta.imports
        .filter((imported) => imported.kind === "dynamic-import" && !imported.external)
        .map((imported) => imported.path),
    };
    return { chunk, entryPoint: meta.entryPoint };
  });
  // Every chunk a dynamic import starts is an entry point to esbuild too: the app is the one read from stdin, as app.ts.
  const app = defined(
    built.find(({ entryPoint }) => entryPoint === "app.ts"),
    "the chunk of app.ts",
  );
  return { entry: app.chunk, chunks: built.map(({ chunk }) => chunk) };
}

/** A chunk with every chunk it imports statically, transitively: what loads when it does. */
export function withStaticImports(bundle: AppBundle, start: Chunk): Chunk[] {
  const loaded = new Map<string, Chunk>();
  const visit = (chunk: Chunk) => {
    if (loaded.has(chunk.file)) return;
    loaded.set(chunk.file, chunk);
    for (const file of chunk.imports) {
      const imported = bundle.chunks.find((candidate) => candidate.file === file);
      visit(defined(imported, `the chunk ${file}, which ${chunk.file} imports`));
    }
  };
  visit(start);
  return [...loaded.values()];
}

/** What loads before the app's first line runs: the entry chunk and its static imports. */
export function upFront(bundle: AppBundle): Chunk[] {
  return withStaticImports(bundle, bundle.entry);
}

/**
 * What loads when the code of `input` (a file such as `generated/validators/customer-update.js`,
 * found under whatever folder holds it: the repository, dist/ or node_modules/@piriod/api/dist/)
 * is first needed: the chunk holding it and its static imports, beyond what loaded up front.
 */
export function loadedOnDemand(bundle: AppBundle, input: string): Chunk[] {
  const holder = bundle.chunks.find((chunk) =>
    chunk.inputs.some((candidate) => candidate.path === input || candidate.path.endsWith(`/${input}`)),
  );
  if (!holder) throw new Error(`${input} is in no chunk of the bundle`);
  const already = new Set(upFront(bundle).map((chunk) => chunk.file));
  return withStaticImports(bundle, holder).filter((chunk) => !already.has(chunk.file));
}

export function gzipTotal(chunks: Chunk[]): number {
  return chunks.reduce((total, chunk) => total + chunk.gzipBytes, 0);
}

export function minifiedTotal(chunks: Chunk[]): number {
  return chunks.reduce((total, chunk) => total + chunk.minifiedBytes, 0);
}

/** Source files in `chunks`. */
export function inputsOf(chunks: Chunk[]): string[] {
  return chunks.flatMap((chunk) => chunk.inputs.map((input) => input.path));
}

/**
 * Writes the bundle into `dir` to be served to a browser: the entry as `entryName`, every other
 * chunk under its own name. No chunk imports the entry, so the entry can take any name.
 */
export async function writeBundle(bundle: AppBundle, dir: string, entryName: string): Promise<void> {
  for (const chunk of bundle.chunks)
    await writeFile(path.join(dir, chunk === bundle.entry ? entryName : path.basename(chunk.file)), chunk.text);
}

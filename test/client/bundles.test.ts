import path from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile, type OutputFile } from "esbuild";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/project-copy.ts";

// What a bundler makes of each entry point, code-splitting dynamic imports as Vite, Rollup and
// webpack do: the browser entry must reach no Node module, and what is loaded on demand (the
// response validator, the Node transport) must stay out of the entry chunk.
const RESPONSE_VALIDATOR = "generated/validators/customer.js";
const REQUEST_VALIDATOR = "generated/validators/customer-update.js";
const NODE_TRANSPORT = "src/node-transport.ts";
/** Minified and gzipped, what the browser entry loads up front: openapi-fetch and the request validator included. */
const BROWSER_BUDGET_BYTES = 14_000;

interface Bundle {
  entry: OutputFile;
  /** The entry chunk and the chunks it imports statically: what loads before the first call. */
  upFront: OutputFile[];
  /** Source files in the entry chunk, and in the chunks loaded on demand. */
  entryInputs: string[];
  lazyInputs: string[];
}

async function bundle(entry: string, platform: "browser" | "node"): Promise<Bundle> {
  const result = await build({
    entryPoints: [path.join(REPO_ROOT, entry)],
    absWorkingDir: REPO_ROOT,
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
  const [entryName, entryOutput] = Object.entries(outputs).find(([, output]) => output.entryPoint)!;
  const lazyInputs = Object.entries(outputs)
    .filter(([name]) => name !== entryName)
    .flatMap(([, output]) => Object.keys(output.inputs));
  const upFront = [entryName, ...entryOutput.imports.filter((imported) => imported.kind === "import-statement" && !imported.external).map((imported) => imported.path)];
  const file = (name: string) => result.outputFiles.find((output) => output.path.endsWith(name))!;
  return { entry: file(entryName), upFront: upFront.map(file), entryInputs: Object.keys(entryOutput.inputs), lazyInputs };
}

describe("the browser entry, src/index.ts", () => {
  it("bundles for the browser without any Node module", async () => {
    const { entryInputs, lazyInputs } = await bundle("src/index.ts", "browser");
    expect([...entryInputs, ...lazyInputs].filter((input) => input.startsWith("node:") || input === NODE_TRANSPORT)).toEqual([]);
  });

  it("holds the request validator but loads the response validator only on demand", async () => {
    const { entryInputs, lazyInputs } = await bundle("src/index.ts", "browser");
    expect(entryInputs).toContain(REQUEST_VALIDATOR);
    expect(entryInputs).not.toContain(RESPONSE_VALIDATOR);
    expect(lazyInputs).toContain(RESPONSE_VALIDATOR);
  });

  it(`stays within ${BROWSER_BUDGET_BYTES / 1000} kB minified and gzipped`, async () => {
    const { upFront } = await bundle("src/index.ts", "browser");
    const bytes = upFront.reduce((total, file) => total + gzipSync(file.contents).length, 0);
    expect(upFront.length).toBeGreaterThan(1);
    expect(bytes).toBeLessThan(BROWSER_BUDGET_BYTES);
  });
});

describe("the node entry, src/node.ts", () => {
  it("loads the Node transport, and node:http with it, only on the first request", async () => {
    const { entry, entryInputs, lazyInputs } = await bundle("src/node.ts", "node");
    expect(entryInputs).not.toContain(NODE_TRANSPORT);
    expect(lazyInputs).toContain(NODE_TRANSPORT);
    expect(entry.text).not.toMatch(/from\s*"node:https?"/);
  });
});

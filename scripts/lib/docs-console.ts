/**
 * The docs' "Try it" consoles, put into the rendered page: a control in each operation's
 * description (and one in the introduction), and the console itself. The console is the package
 * as built (its browser entry and `@piriod/api/testing`, bundled for browsers) with the code of
 * docs-console/ and a model read from the spec and the package's operation table. The page holds
 * it as text and starts it from a `blob:` URL on first use, as its Content-Security-Policy allows.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Metafile, transform } from "esbuild";
import type { OperationObject } from "openapi-typescript";
import { type ConsoleModel, consoleModel, type OperationTable } from "../../docs-console/model.ts";
import { MODULE_ELEMENT_ID, TRY_ATTRIBUTE } from "../../docs-console/page-ids.ts";
import type { HttpMethod } from "../../src/http-methods.ts";
import { PipelineError } from "./pipeline-error.ts";
import { deref, type SpecDocument } from "./spec-document.ts";

// The console's own code comes with these scripts; the package it runs is the project's, in `root`'s dist/.
const CONSOLE_DIR = fileURLToPath(new URL("../../docs-console/", import.meta.url));

/** What the page carries for the consoles. */
export interface ConsoleParts {
  /** The console module, minified: the package's browser entry, its fake and the console's code. */
  module: string;
  /** Which files the module holds, and how many of its bytes each. */
  inputs: Metafile["outputs"][string]["inputs"];
  /** The inline script that starts the module on a reader's first click. */
  loader: string;
  style: string;
}

/** The model of every console: `spec` (the bundled spec) as the package in `root`'s dist/ was built from it. */
export async function consoleModelOf(root: string, spec: string): Promise<ConsoleModel> {
  const built = path.join(root, "dist", "generated");
  const shipped = await readFile(path.join(built, "openapi.json"), "utf8").catch(() => undefined);
  if (shipped === undefined)
    throw new PipelineError(
      "docs: the consoles run the package as built, and dist/ holds none: run `npm run build:package` first",
    );
  if (shipped !== spec)
    throw new PipelineError(
      "docs: dist/ was built from another spec than generated/openapi.json: run `npm run build:package`",
    );
  const { operations } = (await import(pathToFileURL(path.join(built, "operations.js")).href)) as {
    operations: OperationTable;
  };
  return consoleModel(JSON.parse(spec) as SpecDocument, operations);
}

/** The spec as the page renders it: a "Try it" control before each operation's description and in the introduction. */
export function withTryIt(document: SpecDocument, model: ConsoleModel): SpecDocument {
  const copy = structuredClone(document) as SpecDocument & { info: { description?: string } };
  for (const operation of model.operations) {
    const method = operation.httpMethod.toLowerCase() as HttpMethod;
    const described = deref<OperationObject>(copy, copy.paths[operation.path]?.[method]);
    if (described === undefined) throw new PipelineError(`docs: ${operation.key} is not in the spec it was read from`);
    described.description = prepended(
      control(
        operation.key,
        "Try it",
        `Try it: ${operation.summary}`,
        "in a simulation of Piriod running in this page",
      ),
      described.description,
    );
  }
  copy.info.description = prepended(
    control(
      "",
      "Try the API in this page",
      undefined,
      "Each operation below has a console that sends its request through @piriod/api to a simulation of Piriod running in this page: nothing reaches Piriod.",
    ),
    copy.info.description,
  );
  return copy;
}

function control(key: string, label: string, name: string | undefined, note: string): string {
  const named = name === undefined ? "" : ` aria-label="${escaped(name)}"`;
  return (
    `<p class="piriod-try"><button type="button" ${TRY_ATTRIBUTE}="${escaped(key)}" aria-haspopup="dialog"${named}>` +
    `${escaped(label)}</button> <span class="piriod-try-note">${escaped(note)}</span></p>`
  );
}

// A block of HTML in Markdown ends at a blank line.
const prepended = (html: string, markdown = "") => `${html}\n\n${markdown}`;

const escaped = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/** The console's module, loader and style, built from the package in `root`'s dist/ and docs-console/. */
export async function consoleParts(root: string, model: ConsoleModel): Promise<ConsoleParts> {
  const main = path.join(CONSOLE_DIR, "main.ts");
  // `@piriod/api` and its subpaths resolve through the package's own exports, under the `browser` condition: dist/ as built.
  const entry = [
    `import * as piriod from "@piriod/api";`,
    `import { createPiriodFake } from "@piriod/api/testing";`,
    `import { startConsole } from ${JSON.stringify(main)};`,
    `export const dialog = startConsole({ piriod, createPiriodFake }, ${JSON.stringify(model)});`,
  ].join("\n");
  const bundled = await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: "console-entry.js", loader: "js" },
    absWorkingDir: root,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    metafile: true,
    write: false,
    logLevel: "silent",
  }).catch((error: unknown) => {
    throw new PipelineError(`docs: the console could not be bundled\n${(error as Error).message}`);
  });
  const [module] = bundled.outputFiles;
  const [output] = Object.values((bundled.metafile as Metafile).outputs);
  if (module === undefined || output === undefined) throw new PipelineError("docs: esbuild wrote no console module");
  const loader = await build({
    entryPoints: [path.join(CONSOLE_DIR, "loader.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  const css = await readFile(path.join(CONSOLE_DIR, "console.css"), "utf8");
  const style = await transform(css, { loader: "css", minify: true });
  return {
    module: module.text,
    inputs: output.inputs,
    loader: loader.outputFiles[0]?.text ?? "",
    style: style.code,
  };
}

// Text inside <script> ends at `</script`, and `<!--` changes how the rest is parsed: the module must hold neither.
const ENDS_SCRIPT = /<\/script|<!--/i;

/** The page with the console's style, module (as text the browser does not run) and loader before `</body>`. */
export function withConsole(html: string, parts: ConsoleParts): string {
  const found = [parts.module, parts.loader].find((text) => ENDS_SCRIPT.test(text));
  if (found !== undefined)
    throw new PipelineError(
      `docs: the console's code holds "${found.match(ENDS_SCRIPT)?.[0]}", which would end its <script>`,
    );
  const end = html.lastIndexOf("</body>");
  if (end < 0) throw new PipelineError("docs: Redocly's page has no </body>");
  const added = [
    `<style id="piriod-console-style">${parts.style}</style>`,
    `<script type="text/plain" id="${MODULE_ELEMENT_ID}">${parts.module}</script>`,
    `<script id="piriod-console-loader">${parts.loader}</script>`,
  ].join("\n");
  return `${html.slice(0, end)}${added}\n${html.slice(end)}`;
}

/**
 * `npm run docs`: generated/openapi.json → site/index.html, the rendered API reference, with a
 * "Try it" console for every operation (scripts/lib/docs-console.ts): the package as built runs
 * in the page against its fake, so dist/ must be built first.
 *
 * Redocly's `--inlineBundle` embeds Redoc's script, but the page would still reach other hosts:
 * the "API docs by Redocly" badge loads its logo from a CDN. The page is therefore finished here
 * so that it fetches nothing, wherever it is opened (a file, an intranet, an offline laptop):
 *   - the badge logo becomes the word "Redocly", so the attribution stays without a request;
 *   - an empty inline favicon stops the browser asking the server for /favicon.ico;
 *   - a Content-Security-Policy lets the page load nothing but what it carries inline, so
 *     anything a future Redoc adds that would reach out is refused and shows as a console error,
 *     which the browser test fails on.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { consoleModelOf, consoleParts, withConsole, withTryIt } from "./lib/docs-console.ts";
import { PipelineError, reportFailure } from "./lib/pipeline-error.ts";
import { projectPaths } from "./lib/project-paths.ts";
import { runRedocly } from "./lib/redocly.ts";
import type { SpecDocument } from "./lib/spec-document.ts";
import { timedStep } from "./lib/timed-step.ts";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // Redoc runs its search index in workers made from blob: URLs, and feature-tests with eval.
  "script-src 'unsafe-inline' 'unsafe-eval' blob:",
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  "font-src data:",
  "connect-src data: blob:",
  "worker-src blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const HEAD_ADDITIONS = [
  `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
  `<link rel="icon" href="data:,">`,
].join("\n  ");

// Redoc's badge component renders `<img alt="redocly logo" src="https://cdn.redoc.ly/…">` through
// the JSX runtime; the element is replaced by a text span with the same runtime call, sized to
// sit beside "API docs by" where the logo was.
const BADGE_LOGO = /\(0,(\w+)\.jsx\)\(`img`,\{alt:`redocly logo`,[^}]*\}\)/g;
const BADGE_TEXT_STYLE = JSON.stringify({ fontSize: "10px", fontWeight: 600, marginLeft: "3px", whiteSpace: "nowrap" });

// Anything the HTML itself would load from elsewhere: a script, stylesheet, image or font.
const EXTERNAL_RESOURCE = /<(script|link|img|iframe|source)\b[^>]*\b(src|href)=["']?(https?:)?\/\//gi;

// Redoc's options (they replace any `openapi:` section of redocly.yaml). The panel beside an
// operation opens on the request example; its menu offers exactly the operation's own
// x-codeSamples, which the test suite runs, and no sample Redoc would make up for other languages.
export const REDOC_OPTIONS = {
  codeSamples: { languages: [{ lang: "Payload" }, { lang: "curl" }, { lang: "TypeScript" }] },
};

/** What the page is made of, under the project's root: a change to any of them calls for rendering it again. */
export const DOCS_INPUTS = [
  "generated/openapi.json",
  "scripts/build-docs.ts",
  "scripts/lib/docs-console.ts",
  "docs-console",
  "dist",
];

/**
 * Renders `generated/openapi.json` of the project at `root` to `output` (site/index.html by default);
 * `consoles: false` leaves the consoles out, to weigh what they add.
 */
export async function buildDocs({
  root = process.cwd(),
  output = path.join(root, "site", "index.html"),
  consoles = true,
} = {}): Promise<void> {
  const { generatedDir } = projectPaths(root);
  const spec = path.join(generatedDir, "openapi.json");
  if (!existsSync(spec)) throw new PipelineError(`docs: ${spec} is missing; run \`npm run generate\` first`);
  const text = await readFile(spec, "utf8");
  const model = consoles ? await consoleModelOf(root, text) : undefined;
  // Render into a scratch folder and move the finished page in place, so a failed build never
  // leaves a half-made page where a reader or the browser test would open it.
  const scratch = await mkdtemp(path.join(tmpdir(), "piriod-docs-"));
  try {
    const rendered = path.join(scratch, "index.html");
    // The spec Redocly renders: with a "Try it" control before each operation's description.
    const source = path.join(scratch, "openapi.json");
    const document = JSON.parse(text) as SpecDocument;
    await writeFile(source, JSON.stringify(model ? withTryIt(document, model) : document));
    const run = await runRedocly(
      ["build-docs", source, "--inlineBundle", "--openapi", JSON.stringify(REDOC_OPTIONS), "--output", rendered],
      root,
    );
    if (run.status !== 0) throw new PipelineError(`docs: Redocly could not render ${spec}\n${run.stderr}`);
    const page = selfContained(await readFile(rendered, "utf8"));
    const html = model ? withConsole(page, await consoleParts(root, model)) : page;
    await mkdir(path.dirname(output), { recursive: true });
    // A name of its own: test files that find the page stale may render it at the same time.
    const partial = `${output}.${randomUUID()}.partial`;
    await writeFile(partial, html);
    await rename(partial, output);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The page Redocly rendered, changed so that it loads nothing from any host. */
export function selfContained(html: string): string {
  // Redoc's script mentions `<head>` too: the page's own is the first, before any script.
  const head = html.indexOf("<head>");
  if (head < 0 || head > html.indexOf("<script"))
    throw new PipelineError("docs: Redocly's page has no <head> before its scripts");
  const badges = html.match(BADGE_LOGO)?.length ?? 0;
  if (badges !== 1) {
    throw new PipelineError(
      `docs: expected Redoc's badge logo (an <img> from cdn.redoc.ly) once in the page, found it ${badges} times; ` +
        "Redoc changed: update BADGE_LOGO in scripts/build-docs.ts",
    );
  }
  const page = html
    .replace("<head>", `<head>\n  ${HEAD_ADDITIONS}`)
    .replace(
      BADGE_LOGO,
      (_logo, jsx: string) => `(0,${jsx}.jsx)(\`span\`,{style:${BADGE_TEXT_STYLE},children:\`Redocly\`})`,
    );
  const external = [...page.matchAll(EXTERNAL_RESOURCE)].map((match) => match[0]);
  if (page.includes("cdn.redoc.ly")) external.push("the badge logo from cdn.redoc.ly");
  if (external.length > 0)
    throw new PipelineError(`docs: the page still loads from another host:\n  ${external.join("\n  ")}`);
  return page;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  timedStep("docs → site/index.html", () => buildDocs()).catch(reportFailure);
}

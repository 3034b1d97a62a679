import { existsSync, readFileSync } from "node:fs";
import { rm, symlink } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { MODULE_ELEMENT_ID, TRY_ATTRIBUTE } from "../../docs-console/page-ids.ts";
import { CONTENT_SECURITY_POLICY, selfContained } from "../../scripts/build-docs.ts";
import {
  type ConsoleParts,
  consoleModelOf,
  consoleParts,
  withConsole,
  withTryIt,
} from "../../scripts/lib/docs-console.ts";
import { model } from "../helpers/console-session.ts";
import { REPO_ROOT, useProjectCopy } from "../helpers/project-copy.ts";
import { bundledSpec } from "../helpers/spec-examples.ts";

// The shape of the page Redocly renders, reduced to what the build changes.
const BADGE =
  "(0,V.jsx)(`img`,{alt:`redocly logo`,onError:()=>n(!1),src:e?`https://cdn.redoc.ly/redoc/logo-mini-full.svg`:`https://cdn.redoc.ly/redoc/logo-mini.svg`})";
const redoclyPage = (script: string) =>
  `<!DOCTYPE html>\n<html>\n<head>\n  <title>Piriod API</title>\n</head>\n<body><script type="module">${script}</script></body>\n</html>\n`;

describe("npm run docs", () => {
  // The consoles run the package as built: the copy has dist/, and the packages it imports.
  const project = useProjectCopy(["openapi", "generated", "redocly.yaml", "dist", "package.json"]);
  beforeEach(() => symlink(path.join(REPO_ROOT, "node_modules"), path.join(project().root, "node_modules")));

  it("renders site/index.html and prints one line with its time", { timeout: 60_000 }, async () => {
    const run = await project().runScript("build-docs");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^✔ docs → site\/index\.html \(\d+(\.\d+)? m?s\)$/);
    const page = readFileSync(path.join(project().root, "site", "index.html"), "utf8");
    expect(page.indexOf(`content="${CONTENT_SECURITY_POLICY}"`)).toBeGreaterThan(0);
    expect(page.indexOf(`content="${CONTENT_SECURITY_POLICY}"`)).toBeLessThan(page.indexOf("<script"));
    expect(page).not.toContain("cdn.redoc.ly");
    expect(page).toContain("Partial update customer");
    // A console of each operation, and the module that runs them held as text before the end of the body.
    for (const { key } of model.operations)
      expect(page).toMatch(new RegExp(`${TRY_ATTRIBUTE}=\\\\?"${key.replace(".", "\\.")}\\\\?"`));
    expect(page).toMatch(
      new RegExp(
        `<script type="text/plain" id="${MODULE_ELEMENT_ID}">[\\s\\S]+?</script>\\n<script id="piriod-console-loader">[\\s\\S]+?</script>\\n</body>`,
      ),
    );
  });

  it("fails, saying why, and leaves no page when the package is not built", { timeout: 30_000 }, async () => {
    await rm(path.join(project().root, "dist"), { recursive: true });
    const run = await project().runScript("build-docs");
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(
      /docs: the consoles run the package as built, and dist\/ holds none: run `npm run build:package` first/,
    );
    expect(existsSync(path.join(project().root, "site", "index.html"))).toBe(false);
  });

  it("fails when the package was built from another spec", { timeout: 30_000 }, async () => {
    await project().edit("generated/openapi.json", "Partial update customer", "Partial update of a customer");
    const run = await project().runScript("build-docs");
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(
      /docs: dist\/ was built from another spec than generated\/openapi\.json: run `npm run build:package`/,
    );
  });

  it("fails, saying why, and leaves no page when there is no bundled spec", { timeout: 30_000 }, async () => {
    await rm(path.join(project().root, "generated", "openapi.json"));
    const run = await project().runScript("build-docs");
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/✘ docs → site\/index\.html failed/);
    expect(run.stderr).toMatch(/docs: .*generated\/openapi\.json is missing; run `npm run generate` first/);
    expect(existsSync(path.join(project().root, "site", "index.html"))).toBe(false);
  });
});

describe("selfContained", () => {
  it("puts the policy and an inline favicon in the head, and the word Redocly in place of the badge logo", () => {
    const page = selfContained(redoclyPage(`function y4(){return ${BADGE}}`));
    expect(page).toContain(
      `<head>\n  <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    );
    expect(page).toContain('<link rel="icon" href="data:,">');
    expect(page).toContain("(0,V.jsx)(`span`,{style:");
    expect(page).toContain("children:`Redocly`})");
    expect(page).not.toContain("cdn.redoc.ly");
  });

  it("refuses a page whose badge it does not recognise, since the logo would still come from a CDN", () => {
    expect(() => selfContained(redoclyPage("const logo=`https://cdn.redoc.ly/redoc/logo-mini.svg`"))).toThrow(
      /badge logo .* found it 0 times/,
    );
  });

  it("refuses a page that loads a script from another host", () => {
    const page = redoclyPage(`function y4(){return ${BADGE}}`).replace(
      "</head>",
      '<script src="https://cdn.redocly.com/redoc.js"></script></head>',
    );
    expect(() => selfContained(page)).toThrow(/still loads from another host:\n.*<script src="https:\/\//);
  });
});

describe("the consoles in the page", () => {
  const parts: ConsoleParts = { module: "export const dialog = {};", inputs: {}, loader: "void 0;", style: ".pc{}" };
  const page = "<html><head></head><body><div id=redoc></div><script>const end = `</body>`;</script></body></html>";

  it("puts the style, the module as text the browser does not run and the loader just before the page's own </body>", () => {
    const html = withConsole(page, parts);
    expect(html).toBe(
      page.replace(
        /<\/body><\/html>$/,
        `<style id="piriod-console-style">.pc{}</style>\n<script type="text/plain" id="${MODULE_ELEMENT_ID}">export const dialog = {};</script>\n<script id="piriod-console-loader">void 0;</script>\n</body></html>`,
      ),
    );
  });

  it("builds the console from the package as built: its browser entry and testing entry in dist/, not src/", async () => {
    const spec = readFileSync(path.join(REPO_ROOT, "generated", "openapi.json"), "utf8");
    const { inputs, module } = await consoleParts(REPO_ROOT, await consoleModelOf(REPO_ROOT, spec));
    const files = Object.keys(inputs);
    // The testing entry only re-exports: what it holds is in the chunks it imports.
    const testing = readFileSync(path.join(REPO_ROOT, "dist", "src", "testing", "index.js"), "utf8");
    const fakeChunks = [...testing.matchAll(/from "\.\.\/(chunks\/[^"]+)"/g)].map(([, chunk]) => `dist/src/${chunk}`);
    expect(fakeChunks.length).toBeGreaterThan(0);
    expect(files).toEqual(expect.arrayContaining(["dist/src/index.js", ...fakeChunks]));
    expect(files.filter((file) => /^(src|generated)\//.test(file))).toEqual([]);
    expect(
      files.filter((file) => !/^(dist\/|docs-console\/|node_modules\/openapi-fetch\/|console-entry\.js$)/.test(file)),
    ).toEqual([]);
    // One module with nothing left to load: a blob: URL has no neighbours to import from.
    expect(module).not.toMatch(/\bimport\s*\(\s*["'`]|\bfrom\s*["'`]\./);
  }, 60_000);

  it("refuses a module holding text that would end its <script> element or change how it is read", () => {
    for (const text of ["`</script>`", "'</SCRIPT'", "/* <!-- */"])
      expect(() => withConsole(page, { ...parts, module: `const x = ${text};` })).toThrow(/would end its <script>/);
  });

  it("puts a Try it control before each operation's description, and one in the introduction", () => {
    const rendered = withTryIt(bundledSpec, model) as typeof bundledSpec;
    for (const operation of model.operations) {
      const { description } = rendered.paths[operation.path][operation.httpMethod.toLowerCase()];
      const original = bundledSpec.paths[operation.path][operation.httpMethod.toLowerCase()].description;
      expect(description).toBe(
        `<p class="piriod-try"><button type="button" ${TRY_ATTRIBUTE}="${operation.key}" aria-haspopup="dialog" aria-label="Try it: ${operation.summary}">Try it</button> <span class="piriod-try-note">in a simulation of Piriod running in this page</span></p>\n\n${original}`,
      );
    }
    expect(rendered.info.description).toMatch(
      new RegExp(
        `^<p class="piriod-try"><button type="button" ${TRY_ATTRIBUTE}="" [^\\n]*simulation of Piriod[^\\n]*</p>\\n\\n${bundledSpec.info.description.slice(0, 20)}`,
      ),
    );
    expect(bundledSpec.paths["/customers/"].get.description).not.toContain(TRY_ATTRIBUTE);
  });
});

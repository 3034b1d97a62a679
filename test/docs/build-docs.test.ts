import { existsSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, selfContained } from "../../scripts/build-docs.ts";
import { useProjectCopy } from "../helpers/project-copy.ts";

// The shape of the page Redocly renders, reduced to what the build changes.
const BADGE =
  "(0,V.jsx)(`img`,{alt:`redocly logo`,onError:()=>n(!1),src:e?`https://cdn.redoc.ly/redoc/logo-mini-full.svg`:`https://cdn.redoc.ly/redoc/logo-mini.svg`})";
const redoclyPage = (script: string) =>
  `<!DOCTYPE html>\n<html>\n<head>\n  <title>Piriod API</title>\n</head>\n<body><script type="module">${script}</script></body>\n</html>\n`;

describe("npm run docs", () => {
  const project = useProjectCopy();

  it("renders site/index.html and prints one line with its time", { timeout: 30_000 }, async () => {
    const run = await project().runScript("build-docs");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^✔ docs → site\/index\.html \(\d+(\.\d+)? m?s\)$/);
    const page = readFileSync(path.join(project().root, "site", "index.html"), "utf8");
    expect(page.indexOf(`content="${CONTENT_SECURITY_POLICY}"`)).toBeGreaterThan(0);
    expect(page.indexOf(`content="${CONTENT_SECURITY_POLICY}"`)).toBeLessThan(page.indexOf("<script"));
    expect(page).not.toContain("cdn.redoc.ly");
    expect(page).toContain("Partial update customer");
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

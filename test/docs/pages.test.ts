import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { docsPages } from "../helpers/docs-code-samples.ts";
import { headingAnchors, markdownLinks } from "../helpers/markdown-links.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";

const read = (page: string) => readFileSync(path.join(REPO_ROOT, page), "utf8");
/** Every page a reader is sent to: the consumers' (README.md, docs/) and the maintainers'. */
const pages = [...docsPages(), "CONTRIBUTING.md", "ARCHITECTURE.md"];

describe("the docs' pages", () => {
  it("keep the README to the consumer's page: at most 200 lines", () => {
    expect(read("README.md").split("\n").length).toBeLessThanOrEqual(200);
  });

  it("list every page of docs/ in its index, docs/README.md", () => {
    const listed = markdownLinks(read("docs/README.md"));
    const unlisted = docsPages()
      .filter((page) => page.startsWith("docs/") && page !== "docs/README.md")
      .filter((page) => !listed.includes(path.basename(page)));
    expect(unlisted).toEqual([]);
  });

  it.each(pages)("%s: each link to the repository leads to a file, and its #anchor to a heading there", (page) => {
    const broken = markdownLinks(read(page))
      .filter((target) => !/^[a-z]+:/.test(target))
      .filter((target) => {
        const [file = "", anchor] = target.split("#");
        const linked = file === "" ? page : path.join(path.dirname(page), file);
        if (!existsSync(path.join(REPO_ROOT, linked))) return true;
        return anchor !== undefined && !headingAnchors(read(linked)).includes(anchor);
      });
    expect(broken).toEqual([]);
  });
});

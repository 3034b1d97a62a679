import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defined } from "../helpers/defined.ts";
import { docsSnippets, isVitestFile, markdownCodeBlocks } from "../helpers/docs-code-samples.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";

// The docs' example of the fake is compiled with their other snippets (typescript-sample.test.ts)
// and run, as this file, by test/package/testing-entry.test.ts against the installed package.
const EXAMPLE = path.join(REPO_ROOT, "test", "package", "consumers", "fake-example.test.ts");

describe("the vitest example of the fake", () => {
  it('is in the README, under "Testing your integration", as test/package/consumers/fake-example.test.ts is', () => {
    const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    const section = readme.match(/^## Testing your integration\n([\s\S]*?)(?=^## )/m)?.[1];
    expect(section, 'README.md has no section "## Testing your integration"').toBeDefined();
    const [example] = markdownCodeBlocks(defined(section, "the section's text"), "ts");
    expect(example).toBe(readFileSync(EXAMPLE, "utf8"));
  });

  it.each(
    docsSnippets()
      .filter(isVitestFile)
      .map((snippet) => [snippet.where, snippet.source]),
  )("is, at %s, the file the package test runs, as it is", (_where, source) => {
    expect(source).toBe(readFileSync(EXAMPLE, "utf8"));
  });
});

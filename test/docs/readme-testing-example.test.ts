import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { defined } from "../helpers/defined.ts";
import { markdownCodeBlocks } from "../helpers/docs-code-samples.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";

// The README's example of the fake is compiled with its other snippets (typescript-sample.test.ts)
// and run, as this file, by test/package/testing-entry.test.ts against the installed package.
const EXAMPLE = path.join(REPO_ROOT, "test", "package", "consumers", "fake-example.test.ts");

it('the README\'s vitest example under "Testing your integration" is test/package/consumers/fake-example.test.ts, as it is', () => {
  const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  const section = readme.match(/^## Testing your integration\n([\s\S]*?)(?=^## )/m)?.[1];
  expect(section, 'README.md has no section "## Testing your integration"').toBeDefined();
  const [example] = markdownCodeBlocks(defined(section, "the section's text"), "ts");
  expect(example).toBe(readFileSync(EXAMPLE, "utf8"));
});

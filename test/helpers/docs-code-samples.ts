import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./project-copy.ts";
import { bundledSpec } from "./spec-examples.ts";

/** A fenced code block of a Markdown text: its code without the fence, and the 1-based line of its opening fence. */
export interface CodeBlock {
  line: number;
  code: string;
}

/** The fenced code blocks of a Markdown text tagged with `lang` (```ts …```), without their fences, with where each starts. */
export function markdownCodeBlocksAt(markdown: string, lang: string): CodeBlock[] {
  const fence = new RegExp(`^( *)\`\`\`${lang}\\n([\\s\\S]*?)^\\1\`\`\`$`, "gm");
  return [...markdown.matchAll(fence)].map(({ 1: indent = "", 2: code = "", index }) => ({
    line: markdown.slice(0, index).split("\n").length,
    code: code.replace(new RegExp(`^${indent}`, "gm"), ""),
  }));
}

/** The fenced code blocks of a Markdown text tagged with `lang` (```ts …```), without their fences. */
export function markdownCodeBlocks(markdown: string, lang: string): string[] {
  return markdownCodeBlocksAt(markdown, lang).map(({ code }) => code);
}

/** The guide in the spec's `info.description`. */
export const guide: string = bundledSpec.info.description;

/** The pages written for the package's users, relative to the repository: README.md, then every page of docs/. */
export function docsPages(): string[] {
  const docs = path.join(REPO_ROOT, "docs");
  if (!existsSync(docs)) return ["README.md"];
  const pages = readdirSync(docs, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => `docs/${entry.name}`)
    .sort();
  return ["README.md", ...pages];
}

/** A TypeScript snippet of a page. */
export interface DocsSnippet {
  /** Where a reader finds it: `docs/errors.md:12`, the line of its opening fence. */
  where: string;
  /** The same, as a file name can carry it: `docs-errors-md-12`. */
  id: string;
  source: string;
}

/** Every TypeScript snippet (```ts) of README.md and docs/*.md, in page order. */
export function docsSnippets(pages: readonly string[] = docsPages()): DocsSnippet[] {
  return pages.flatMap((page) =>
    markdownCodeBlocksAt(readFileSync(path.join(REPO_ROOT, page), "utf8"), "ts").map(({ line, code }) => ({
      where: `${page}:${line}`,
      id: `${page}-${line}`.replace(/[^\w-]+/g, "-"),
      source: code,
    })),
  );
}

/** A snippet that is a vitest file: the package test runs it in a consumer's project, not the docs tests. */
export const isVitestFile = (snippet: DocsSnippet): boolean => /^import .* from "vitest";$/m.test(snippet.source);

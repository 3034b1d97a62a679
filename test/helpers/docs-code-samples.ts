import { bundledSpec } from "./spec-examples.ts";

/** The fenced code blocks of a Markdown text tagged with `lang` (```ts …```), without their fences. */
export function markdownCodeBlocks(markdown: string, lang: string): string[] {
  const fence = new RegExp(`^( *)\`\`\`${lang}\\n([\\s\\S]*?)^\\1\`\`\`$`, "gm");
  return [...markdown.matchAll(fence)].map(([, indent = "", code = ""]) =>
    code.replace(new RegExp(`^${indent}`, "gm"), ""),
  );
}

/** The guide in the spec's `info.description`. */
export const guide: string = bundledSpec.info.description;

import { bundledSpec } from "./spec-examples.ts";

interface CodeSample {
  lang: string;
  label?: string;
  source: string;
}

/** The `x-codeSamples` entry of an operation of the bundled spec for one language; fails when there is none. */
export function operationCodeSample(operationId: string, lang: string): string {
  for (const pathItem of Object.values(bundledSpec.paths) as Record<string, { operationId?: string; "x-codeSamples"?: CodeSample[] }>[]) {
    const operation = Object.values(pathItem).find((candidate) => candidate?.operationId === operationId);
    if (!operation) continue;
    const sample = operation["x-codeSamples"]?.find((candidate) => candidate.lang === lang);
    if (typeof sample?.source !== "string") throw new Error(`operation ${operationId} has no ${lang} sample in x-codeSamples`);
    return sample.source;
  }
  throw new Error(`the bundled spec has no operation ${operationId}`);
}

/** The fenced code blocks of a Markdown text tagged with `lang` (```ts …```), without their fences. */
export function markdownCodeBlocks(markdown: string, lang: string): string[] {
  const fence = new RegExp(`^( *)\`\`\`${lang}\\n([\\s\\S]*?)^\\1\`\`\`$`, "gm");
  return [...markdown.matchAll(fence)].map(([, indent, code]) => code!.replace(new RegExp(`^${indent}`, "gm"), ""));
}

/** The guide in the spec's `info.description`. */
export const guide: string = bundledSpec.info.description;

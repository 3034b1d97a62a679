import { markdownHeadings } from "./docs-expectations.ts";

/** The targets of a Markdown text's inline links (`[text](target)`), but those in code. */
export function markdownLinks(markdown: string): string[] {
  const prose = markdown.replace(/^( *)(```|~~~)[\s\S]*?^\1\2 *$/gm, "").replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map(([, target = ""]) => target);
}

/** The anchors GitHub gives a Markdown text's headings: `## Where it runs` → `where-it-runs`. */
export function headingAnchors(markdown: string): string[] {
  return markdownHeadings(markdown).map((heading) =>
    heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-"),
  );
}

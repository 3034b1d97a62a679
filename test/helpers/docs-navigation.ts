import type { Page } from "playwright-core";

export interface VisitedPage {
  /** The sidebar entry's name. */
  label: string;
  /** An operation's method badge (`PATCH`), shown after its name; none for other entries. */
  badge?: string;
  /** The hash route it led to. */
  route: string;
  /** Whether a heading starting with the label came to the top of the window. */
  headingInView: boolean;
}

/**
 * Clicks every entry of the sidebar in turn, as a reader would, including those that appear
 * when a group opens, and notes the route each one leads to and whether its heading came into view.
 * Groups open and close as the reader moves, so each round takes the first entry not yet visited
 * rather than the next index.
 */
export async function visitNavigation(page: Page): Promise<VisitedPage[]> {
  const entries = page.getByTestId("menu-item-label");
  const visited: VisitedPage[] = [];
  const seen = new Set<string>();
  for (;;) {
    const texts = await entries.allInnerTexts();
    const index = texts.findIndex((text) => !seen.has(text));
    const text = texts[index];
    if (text === undefined) return visited;
    seen.add(text);
    const [label = "", badge] = text.split("\n").map((line) => line.trim());
    await entries.nth(index).click();
    const headingInView = await page
      .waitForFunction(
        (label) =>
          [...document.querySelectorAll<HTMLElement>("h1, h2")].some((heading) => {
            const { top } = heading.getBoundingClientRect();
            // biome-ignore lint/performance/useDomNodeTextContent: the heading as the reader sees it, as the sidebar's label is
            return top > -10 && top < 300 && heading.innerText.startsWith(label);
          }),
        label,
      )
      .then(
        () => true,
        () => false,
      );
    visited.push({ label, ...(badge !== undefined && { badge }), route: new URL(page.url()).hash, headingInView });
  }
}

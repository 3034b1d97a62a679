import type { BrowserContext, Page } from "playwright-core";
import { CHROMIUM_PATH, chromiumFound } from "../../bench/lib/chromium.ts";

export { CHROMIUM_PATH, chromiumFound, launchChromium } from "../../bench/lib/chromium.ts";

/**
 * Whether `testFile` must skip its browser tests: only when Chromium is missing and this is not
 * CI, and then loudly. In CI a missing browser is a failure, so nothing is skipped there.
 */
export function skipWithoutChromium(testFile: string): boolean {
  const skip = !chromiumFound() && process.env.CI !== "true";
  if (skip) {
    const bar = "!".repeat(78);
    console.warn(
      `\n${bar}\n!! SKIPPED ${testFile}: no Chromium at ${CHROMIUM_PATH}.\n` +
        `!! Install it (apt-get install -y chromium) or set CHROMIUM_PATH. With CI=true this test fails instead.\n${bar}\n`,
    );
  }
  return skip;
}

/** Everything a browser context did that a self-contained page must not do, as it happens. */
export interface PageRecord {
  /** Every URL any page of the context requested. */
  requests: string[];
  /** Console messages of type error, and uncaught exceptions. */
  errors: string[];
  /** Loads the page's Content-Security-Policy refused: they never show up as requests. */
  refusedLoads: string[];
}

export async function recordPages(context: BrowserContext): Promise<PageRecord> {
  const record: PageRecord = { requests: [], errors: [], refusedLoads: [] };
  context.on("request", (request) => record.requests.push(request.url()));
  context.on("console", (message) => {
    if (message.type() === "error") record.errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  context.on("weberror", (error) => record.errors.push(`uncaught: ${error.error().message}`));
  await context.exposeBinding("reportRefusedLoad", (_source, refused: string) => record.refusedLoads.push(refused));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportRefusedLoad(refused: string): void }).reportRefusedLoad(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  return record;
}

/** Requests that left `origin`: anything but the origin itself, its blob: URLs and data: URLs. */
export function requestsElsewhere(requests: string[], origin: string): string[] {
  return requests.filter((url) => !url.startsWith("data:") && new URL(url).origin !== origin);
}

/** How long loading the page or photographing all of it may take: seconds on a busy machine, not the short wait for an element. */
export const PAGE_TIMEOUT_MS = 60_000;

/**
 * A screenshot of the whole page. The page is scrolled through first: Redoc paints some
 * expanded schemas only once they have been on screen, and would leave them blank.
 */
export async function fullPageScreenshot(page: Page, file: string): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: file, fullPage: true, timeout: PAGE_TIMEOUT_MS });
}

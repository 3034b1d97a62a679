import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium unless CHROMIUM_PATH names another; Playwright's own builds are never downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Headless as root in a container, and quiet: no GPU, no sandbox, and none of the background
// traffic (updates, sync, field trials) that would muddy a record of what the page requests.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export const chromiumFound = (): boolean => existsSync(CHROMIUM_PATH);

export async function launchChromium(): Promise<Browser> {
  if (!chromiumFound()) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

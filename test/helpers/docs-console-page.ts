import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { ConsoleOperation } from "../../docs-console/model.ts";
import { defined } from "./defined.ts";
import { launchChromium, PAGE_TIMEOUT_MS, type PageRecord, recordPages } from "./docs-browser.ts";
import { operationRoute } from "./docs-expectations.ts";
import { renderedSite } from "./docs-site.ts";
import { specOperations } from "./operations-of-spec.ts";
import { type StaticServer, startStaticServer } from "./static-server.ts";

/** The rendered docs served on 127.0.0.1, and Chromium to read them in. */
export interface DocsInChromium {
  /** The folder of the rendered page, where screenshots go too (ignored by git). */
  site: string;
  server: StaticServer;
  /** What each page opened did, in order. */
  records: PageRecord[];
  /** A page in a browser context of its own, as a reader opening `url` in a fresh browser. */
  open(url: string, options?: Parameters<Browser["newContext"]>[0]): Promise<ConsoleInPage>;
}

/** Serves the docs and starts Chromium before the suite, and stops both after it. */
export function useDocsInChromium(): () => DocsInChromium {
  let docs: DocsInChromium | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const site = await renderedSite();
    const server = await startStaticServer(site);
    const started = await launchChromium();
    browser = started;
    const records: PageRecord[] = [];
    docs = {
      site,
      server,
      records,
      open: async (url, options = {}) => {
        const context = await started.newContext({ viewport: { width: 1440, height: 1000 }, ...options });
        context.setDefaultTimeout(10_000);
        records.push(await recordPages(context));
        const page = await context.newPage();
        await page.goto(url, { waitUntil: "networkidle", timeout: PAGE_TIMEOUT_MS });
        return new ConsoleInPage(page);
      },
    };
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await docs?.server.stop();
  });
  return () => defined(docs, "the docs in Chromium, started before the suite");
}

/** The hash route of the reference's section on an operation (`#/customers/updatecustomer`). */
export function routeOf(operation: ConsoleOperation): string {
  const described = specOperations().find(
    (candidate) => candidate.method.toUpperCase() === operation.httpMethod && candidate.path === operation.path,
  );
  return operationRoute(defined(described, `the spec's ${operation.key}`));
}

/**
 * The docs' console as a reader uses it: its controls found by their labels and roles, as a screen
 * reader or a keyboard finds them, and its answer read as shown.
 */
export class ConsoleInPage {
  readonly dialog: Locator;
  readonly answer: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole("dialog");
    this.answer = this.dialog.locator("#pc-answer");
  }

  /** Clicks the "Try it" control of `operation` in its section of the reference, once the route shows it. */
  async openFromReference(operation: ConsoleOperation): Promise<void> {
    const control = this.page.getByRole("button", { name: `Try it: ${operation.summary}`, exact: true });
    await control.scrollIntoViewIfNeeded();
    await control.click();
    // The first opening starts the console from its blob (megabytes of script): as slow as a page load.
    await this.dialog.waitFor({ timeout: PAGE_TIMEOUT_MS });
  }

  /** Switches to another operation with the console's own menu. */
  async choose(operation: ConsoleOperation): Promise<void> {
    await this.dialog.getByLabel("Operation", { exact: true }).selectOption(operation.key);
  }

  /** The field of a path or query parameter, by its label: the parameter's name, and whether it is required. */
  field(name: string): Locator {
    return this.dialog.getByLabel(new RegExp(`^${name}( required)?$`));
  }

  get body(): Locator {
    return this.dialog.getByRole("textbox", { name: /^Body: / });
  }

  /** Sends, and waits until the answer is shown. */
  async send(): Promise<void> {
    await this.dialog.getByRole("button", { name: "Send", exact: true }).click();
    await this.settled();
  }

  /** Waits until no call is in flight. */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => document.getElementById("piriod-console")?.dataset.busy === undefined);
  }

  /** The status shown: a number, `refused` (nothing sent) or `failed` (no answer). */
  status(): Promise<string | null> {
    return this.answer.locator(".pc-status").getAttribute("data-status");
  }

  /** The answer's body as shown, parsed when it is JSON. */
  async shownBody(): Promise<unknown> {
    const text = await this.answer.locator(".pc-body-shown").textContent();
    try {
      return JSON.parse(text ?? "");
    } catch {
      return text;
    }
  }

  /** The rows of the answer's table of errors: [field, message]. */
  errorRows(): Promise<string[][]> {
    return this.answer
      .locator("table.pc-errors tbody tr")
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent ?? "")));
  }

  /** The lines of a list of the answer: what the client did, or what the fake received. */
  lines(list: "client" | "fake"): Promise<string[]> {
    return this.answer.locator(list === "client" ? ".pc-log li" : ".pc-received li").allTextContents();
  }

  /** The request as curl, once written: it is made from the request the client would send, which takes a moment. */
  async curl(): Promise<string> {
    return (await this.dialog.locator("#pc-curl").textContent()) ?? "";
  }

  async typescript(): Promise<string> {
    return (await this.dialog.locator("#pc-typescript").textContent()) ?? "";
  }
}

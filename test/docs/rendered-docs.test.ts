import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type JsonSchema, valueAt } from "../helpers/conformance-schemas.ts";
import { defined } from "../helpers/defined.ts";
import {
  fullPageScreenshot,
  launchChromium,
  PAGE_TIMEOUT_MS,
  type PageRecord,
  recordPages,
  requestsElsewhere,
  skipWithoutChromium,
} from "../helpers/docs-browser.ts";
import {
  navigationLabels,
  operationRoute,
  operationSectionId,
  PAYLOAD,
  requestFieldIdPrefix,
  requestFieldRows,
  SAMPLE_LANGUAGES,
  sampleMenu,
} from "../helpers/docs-expectations.ts";
import { type VisitedPage, visitNavigation } from "../helpers/docs-navigation.ts";
import { SamplePanel } from "../helpers/docs-sample-panel.ts";
import { renderedSite } from "../helpers/docs-site.ts";
import {
  codeSample,
  headerParameters,
  operationTitle,
  specOperations,
  specWebhooks,
} from "../helpers/operations-of-spec.ts";
import { bundledSpec } from "../helpers/spec-examples.ts";
import { type StaticServer, startStaticServer } from "../helpers/static-server.ts";

const operations = specOperations();
// What Piriod sends: rendered as the operations are, and marked as webhooks.
const webhooks = specWebhooks();
const described = [...operations, ...webhooks];

// No browser, no test: loudly, except in CI, where a missing browser is a failure.
const skip = skipWithoutChromium("test/docs/rendered-docs.test.ts");

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe.skipIf(skip)("the rendered API docs, in headless Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  // One record per browser context: every page any check opens is held to the same rules.
  const records: PageRecord[] = [];
  let visited: VisitedPage[];

  /** A page in a browser context of its own, as a reader opening `route` in a fresh browser. */
  async function openAsNewReader(route: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    // A missing element fails its test in seconds, not at the 30 s test timeout.
    context.setDefaultTimeout(5_000);
    records.push(await recordPages(context));
    const page = await context.newPage();
    await page.goto(server.url + route, { waitUntil: "networkidle", timeout: PAGE_TIMEOUT_MS });
    return page;
  }

  beforeAll(async () => {
    const site = await renderedSite();
    server = await startStaticServer(site);
    browser = await launchChromium();
    const page = await openAsNewReader("");
    visited = await visitNavigation(page);
    await fullPageScreenshot(page, path.join(site, "screenshot.png"));
    await page.context().close();
  }, 2 * PAGE_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("links from its navigation to the overview, each section of the guide, each tag and each of its operations", () => {
    expect(visited.map((page) => page.label)).toEqual(
      navigationLabels(bundledSpec.info, bundledSpec.tags ?? [], described),
    );
    expect(new Set(visited.map((page) => page.route)).size).toBe(visited.length);
    // Each operation's entry carries its method, and leads to the address a shared link uses.
    const entries = described.map((operation) => visited.find((page) => page.label === operation.summary));
    expect(entries.map((entry) => entry && { route: entry.route, badge: entry.badge })).toEqual(
      described.map((operation) => ({ route: operationRoute(operation), badge: operation.method.toUpperCase() })),
    );
    expect(visited.filter((page) => !page.headingInView).map((page) => page.label)).toEqual([]);
  });

  describe.each(described.map((operation) => [operationTitle(operation), operation] as const))(
    "%s",
    (_title, operation) => {
      const isWebhook = webhooks.includes(operation);
      const menu = sampleMenu(operation);
      let page: Page;
      let section: Locator;
      let heading: Locator;
      let panel: SamplePanel;
      let firstChoice: string;

      beforeAll(async () => {
        // The operation's own address, as a reader opens a shared link: in a fresh browser, since the
        // sample menu's choice outlives the page. Redoc paints a section only while it is near the
        // window, so every check below looks at the one just opened.
        page = await openAsNewReader(operationRoute(operation));
        section = page.locator(`[data-section-id="${operationSectionId(operation)}"]`);
        heading = section.getByRole("heading", { level: 2 });
        // Redoc renders the route after the page loads: part of loading it.
        await heading.waitFor({ timeout: PAGE_TIMEOUT_MS });
        panel = new SamplePanel(page, section.locator(".panel-request-samples"), menu);
        firstChoice = await panel.chosen();
      });

      afterAll(async () => {
        await page?.context().close();
      });

      it(`renders its heading${isWebhook ? ", marked as a webhook," : ""} with its method and ${isWebhook ? "name" : "path"} beside it`, async () => {
        await expect(heading.isVisible()).resolves.toBe(true);
        // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), the text as the reader sees it
        const title = (await heading.innerText()).split("\n").map((line) => line.trim());
        expect(title).toEqual(isWebhook ? [operation.summary, "Webhook"] : [operation.summary]);
        // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), the text as the reader sees it
        const request = await panel.locator.innerText();
        expect(request).toMatch(new RegExp(`^${operation.method.toUpperCase()}\\s+${escapeRegExp(operation.path)}\\s`));
      });

      it("has a response tab for each status the spec documents, and no other", async () => {
        // The responses' own tabs: a field's alternatives (anyOf) are tabs too.
        const tabs = await section.getByRole("tablist", { name: "Response status" }).getByRole("tab").allInnerTexts();
        expect(tabs).toEqual(operation.responses.map((response) => response.status));
      });

      it(`offers ${menu.join(", ")} in its sample menu, and nothing else, opening on ${menu[0]}`, async () => {
        expect(firstChoice).toBe(menu[0]);
        expect(await panel.choose(firstChoice)).toEqual(menu);
      });

      const { requestBody } = operation;
      if (requestBody) {
        const pointer = defined(requestBody.schemaPointer, "the request body's schema");
        const rows = requestFieldRows(valueAt(bundledSpec, pointer) as JsonSchema);

        it(`lists exactly the request fields of ${requestBody.schema ?? "its body"}, in its order`, async () => {
          const prefix = requestFieldIdPrefix(operation);
          const ids = await section
            .locator(`[id^="${prefix}"]`)
            .evaluateAll((found) => found.map((element) => element.id));
          const topLevel = ids.map((id) => id.slice(prefix.length)).filter((name) => !/[./[]/.test(name));
          expect(topLevel).toEqual(rows.map(([name]) => name));
        });

        it.each(rows)(
          "shows request field %s as %j, required: %s, default: %s",
          async (name, typeLine, required, shownDefault) => {
            const anchor = section.locator(`a[href$="t=request&path=${name}"]`);
            const row = anchor.locator(
              "xpath=ancestor::*[contains(concat(' ', @class, ' '), ' schema-property-item ')][1]",
            );
            // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), the row as laid out in lines
            const lines = (await row.innerText()).split("\n").filter((line) => line.trim() !== "");
            expect(lines.slice(0, 2)).toEqual([name, typeLine]);
            expect(lines.includes("required")).toBe(required);
            const defaultLine = lines.indexOf("Default:");
            expect(defaultLine < 0 ? undefined : lines[defaultLine + 1]).toBe(shownDefault);
          },
        );

        it("shows the request example beside the operation", async () => {
          expect(requestBody.examples.length).toBeGreaterThan(0);
          // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), the text as the reader sees it
          const example = await panel.showing(PAYLOAD, () => panel.locator.getByTestId("json-viewer").innerText());
          expect(JSON.parse(example)).toEqual(requestBody.examples[0]);
        });
      }

      // A webhook's request is Piriod's to send: its panel shows the payload, and no call to make.
      if (!isWebhook) {
        it.each(SAMPLE_LANGUAGES)("offers the %s sample of the spec, exactly", async (lang) => {
          const expected = codeSample(operation, lang);
          // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), the text as the reader sees it
          const shown = await panel.showing(lang, () => panel.locator.getByTestId("source-code").innerText());
          expect(shown.trim()).toBe(expected.trim());
        });

        // Last of the operation's checks: it opens the console over the page, and closes it again.
        it("opens its console from its Try it control, with its method, path and the spec's example", async () => {
          await section.getByRole("button", { name: `Try it: ${operation.summary}`, exact: true }).click();
          const dialog = page.getByRole("dialog");
          await dialog.waitFor();
          expect(await dialog.getByRole("heading", { level: 2 }).textContent()).toBe(
            `Try it: ${operation.summary} ${operation.method.toUpperCase()} ${operation.path}`,
          );
          if (requestBody) {
            const body = await dialog.getByRole("textbox", { name: /^Body: / }).inputValue();
            expect(JSON.parse(body)).toEqual(requestBody.examples[0]);
          }
          await page.keyboard.press("Escape");
          await expect(dialog.isVisible()).resolves.toBe(false);
        });
      } else {
        it.each(headerParameters(operation).map((header) => [header.name, header] as const))(
          "lists the header %s, as required as the spec says",
          async (name, header) => {
            const row = section
              .locator(".schema-property-item")
              .filter({ has: page.getByText(name, { exact: true }) })
              .first();
            // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), the row as laid out in lines
            const lines = (await row.innerText()).split("\n").map((line) => line.trim());
            expect(lines[0]).toBe(name);
            expect(lines.includes("required")).toBe(header.required);
          },
        );

        it("offers no Try it console: the client does not send a webhook", async () => {
          await expect(section.getByRole("button", { name: /^Try it/ }).count()).resolves.toBe(0);
        });
      }
    },
  );

  // Last, so that they cover every page, click and menu of the checks above.
  it("logs no console error and throws nothing on any page", () => {
    expect(records.flatMap((record) => record.errors)).toEqual([]);
  });

  it("requests nothing from any host but the local server, and tries to load nothing else", () => {
    expect(records.length).toBe(described.length + 1);
    for (const record of records) expect(record.requests.length).toBeGreaterThan(0);
    expect(
      requestsElsewhere(
        records.flatMap((record) => record.requests),
        new URL(server.url).origin,
      ),
    ).toEqual([]);
    expect(records.flatMap((record) => record.refusedLoads)).toEqual([]);
    expect(server.served.filter((served) => served !== "/")).toEqual([]);
  });
});

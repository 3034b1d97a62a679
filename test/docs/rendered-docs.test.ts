import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHROMIUM_PATH,
  chromiumFound,
  fullPageScreenshot,
  launchChromium,
  recordPages,
  requestsElsewhere,
  type PageRecord,
} from "../helpers/docs-browser.ts";
import { operationCodeSample } from "../helpers/docs-code-samples.ts";
import { renderedSite } from "../helpers/docs-site.ts";
import { bundledSpec, chileanCustomerUpdate } from "../helpers/spec-examples.ts";
import { startStaticServer, type StaticServer } from "../helpers/static-server.ts";

const OPERATION_ROUTE = "#/customers/updatecustomer";

interface VisitedPage {
  /** The sidebar entry's name. */
  label: string;
  /** The hash route it led to. */
  route: string;
  /** Whether a heading starting with the label came to the top of the window. */
  headingInView: boolean;
}

// Each field of CustomerUpdate as the page renders it: its type line (type, nullability,
// maxLength, format), whether it is marked required, and the default it shows.
const REQUEST_FIELDS: [name: string, typeLine: string, required: boolean, shownDefault?: string][] = [
  ["name", "string, <= 100 characters", true],
  ["address", "string, <= 64 characters", true],
  ["country", "string", true],
  ["state", "integer", true],
  ["currency", "string", false],
  ["email", "string or null, (email)", false],
  ["phone", "string or null, <= 16 characters", false],
  ["website", "string or null, (uri)", false],
  ["zip_code", "string or null, <= 16 characters", false],
  ["manager", "string or null, <= 64 characters", false],
  ["reference", "string or null, <= 64 characters", false],
  ["tax_id", "string or null, <= 32 characters", false],
  ["tax_settings", "object", false],
  ["metadata", "object", false],
  ["send_invoices", "boolean", false, "true"],
  ["send_collections", "boolean", false, "true"],
  ["send_vouchers", "boolean", false, "true"],
];

// No browser, no test: loudly, except in CI, where a missing browser is a failure.
const skip = !chromiumFound() && process.env.CI !== "true";
if (skip) {
  const bar = "!".repeat(78);
  console.warn(
    `\n${bar}\n!! SKIPPED test/docs/rendered-docs.test.ts: no Chromium at ${CHROMIUM_PATH}.\n` +
      `!! Install it (apt-get install -y chromium) or set CHROMIUM_PATH. With CI=true this test fails instead.\n${bar}\n`,
  );
}

describe.skipIf(skip)("the rendered API docs, in headless Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let record: PageRecord;
  let page: Page;
  let visited: VisitedPage[];

  beforeAll(async () => {
    const site = await renderedSite();
    server = await startStaticServer(site);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    // A missing element fails its test in seconds, not at the 30 s test timeout.
    context.setDefaultTimeout(5_000);
    record = await recordPages(context);
    page = await context.newPage();
    await page.goto(server.url, { waitUntil: "networkidle" });
    visited = await visitNavigation(page);
    // A fresh load of the operation's own address, as from a shared link, for the checks below.
    await page.goto(server.url + OPERATION_ROUTE, { waitUntil: "networkidle" });
    await page.getByRole("heading", { name: "Partial update customer" }).waitFor();
    await fullPageScreenshot(page, path.join(site, "screenshot.png"));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("links from its navigation to the overview, each section of the guide, the tag and the operation", () => {
    expect(visited.map((page) => page.label)).toEqual([
      "Piriod API",
      "Authentication",
      "Workspace",
      "Test mode",
      "Trailing slash",
      "Errors",
      "Typed client",
      "customers",
      "Partial update customer",
    ]);
    expect(new Set(visited.map((page) => page.route)).size).toBe(visited.length);
    expect(visited.map((page) => page.route)).toContain(OPERATION_ROUTE);
    expect(visited.filter((page) => !page.headingInView).map((page) => page.label)).toEqual([]);
  });

  it("logs no console error and throws nothing on any page", () => {
    expect(record.errors).toEqual([]);
  });

  it("requests nothing from any host but the local server, and tries to load nothing else", () => {
    expect(record.requests.length).toBeGreaterThan(0);
    expect(requestsElsewhere(record.requests, new URL(server.url).origin)).toEqual([]);
    expect(record.refusedLoads).toEqual([]);
    expect(server.served.filter((served) => served !== "/")).toEqual([]);
  });

  it("renders the PATCH operation", async () => {
    const middle = page.getByTestId("middle-panel");
    await expect(middle.getByRole("heading", { name: "Partial update customer" }).isVisible()).resolves.toBe(true);
    const request = await page.locator(".panel-request-samples").innerText();
    expect(request).toMatch(/PATCH\s+\/customers\/\{id\}\//);
  });

  it("lists exactly the request fields of CustomerUpdate", () => {
    expect(REQUEST_FIELDS.map(([name]) => name)).toEqual(Object.keys(bundledSpec.components.schemas.CustomerUpdate.properties));
  });

  it.each(REQUEST_FIELDS)("shows request field %s as %j, required: %s, default: %s", async (name, typeLine, required, shownDefault) => {
    const anchor = page.locator(`a[href$="t=request&path=${name}"]`);
    const row = anchor.locator("xpath=ancestor::*[contains(concat(' ', @class, ' '), ' schema-property-item ')][1]");
    const lines = (await row.innerText()).split("\n").filter((line) => line.trim() !== "");
    expect(lines.slice(0, 2)).toEqual([name, typeLine]);
    expect(lines.includes("required")).toBe(required);
    const defaultLine = lines.indexOf("Default:");
    expect(defaultLine < 0 ? undefined : lines[defaultLine + 1]).toBe(shownDefault);
  });

  it("has the response tabs 200, 400, 401, 403 and 404", async () => {
    const tabs = await page.getByRole("tab").allInnerTexts();
    expect(tabs).toEqual(expect.arrayContaining(["200", "400", "401", "403", "404"]));
  });

  it("shows the request example beside the operation", async () => {
    const example = await page.locator(".panel-request-samples").getByTestId("json-viewer").innerText();
    expect(JSON.parse(example)).toEqual(chileanCustomerUpdate);
  });

  it.each(["curl", "TypeScript"])("offers the %s sample of the spec, exactly", async (lang) => {
    const panel = page.locator(".panel-request-samples");
    await panel.getByRole("button", { name: "Payload" }).click();
    await page.getByTestId("dropdown-menu").getByText(lang, { exact: true }).click();
    const shown = await panel.getByTestId("source-code").innerText();
    expect(shown.trim()).toBe(operationCodeSample("updateCustomer", lang).trim());
    // Back to the request example, where every reader starts.
    await panel.getByRole("button", { name: lang }).click();
    await page.getByTestId("dropdown-menu").getByText("Payload", { exact: true }).click();
  });
});

/**
 * Clicks every entry of the sidebar in turn, as a reader would, including those that appear
 * when a group opens, and notes the route each one leads to and whether its heading came into view.
 */
async function visitNavigation(page: Page): Promise<VisitedPage[]> {
  const entries = page.getByTestId("menu-item-label");
  const visited: VisitedPage[] = [];
  for (let index = 0; index < (await entries.count()); index++) {
    const entry = entries.nth(index);
    // An operation's entry ends with its method badge, which is not part of its name.
    const label = (await entry.innerText()).split("\n")[0]!.trim();
    await entry.click();
    const headingInView = await page
      .waitForFunction(
        (label) =>
          [...document.querySelectorAll<HTMLElement>("h1, h2")].some((heading) => {
            const { top } = heading.getBoundingClientRect();
            return top > -10 && top < 300 && heading.innerText.startsWith(label);
          }),
        label,
      )
      .then(
        () => true,
        () => false,
      );
    visited.push({ label, route: new URL(page.url()).hash, headingInView });
  }
  return visited;
}

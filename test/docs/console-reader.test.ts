import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleOf, model } from "../helpers/console-session.ts";
import { requestsElsewhere, skipWithoutChromium } from "../helpers/docs-browser.ts";
import { type ConsoleInPage, routeOf, useDocsInChromium } from "../helpers/docs-console-page.ts";

const skip = skipWithoutChromium("test/docs/console-reader.test.ts");

const create = consoleOf("customers.create");
const list = consoleOf("customers.list");
const retrieve = consoleOf("customers.retrieve");
const update = consoleOf("customers.update");
const FAULT = "The fake's next answer to this operation";

/** The relative luminance of an `rgb(…)` colour, as WCAG 2 defines it. */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((channel) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

/**
 * Every text shown under `root`, and every field's, with its colour and the colour behind it (the
 * first opaque background of it or its ancestors). Runs in the page.
 */
function textColours(root: Element): { text: string; color: string; background: string }[] {
  const behind = (element: Element | null): string => {
    for (let at = element; at; at = at.parentElement) {
      const color = getComputedStyle(at).backgroundColor;
      if (color !== "transparent" && !/^rgba\(.*, 0\)$/.test(color)) return color;
    }
    return "rgb(255, 255, 255)";
  };
  const shown: { text: string; color: string; background: string }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    const text = node.textContent?.trim() ?? "";
    if (element === null || text === "" || !element.checkVisibility() || element.closest("option")) continue;
    shown.push({ text: text.slice(0, 40), color: getComputedStyle(element).color, background: behind(element) });
  }
  for (const field of root.querySelectorAll("input[type=text], select, textarea"))
    shown.push({ text: field.id, color: getComputedStyle(field).color, background: behind(field) });
  return shown;
}

// A console's first opening may take as long as a page load (PAGE_TIMEOUT_MS) on a busy machine.
describe.skipIf(skip)("the docs' consoles, in headless Chromium", { timeout: 90_000 }, () => {
  const docs = useDocsInChromium();
  const open = (url: string, options?: Parameters<ReturnType<typeof docs>["open"]>[1]) => docs().open(url, options);

  describe("state that lasts the visit", () => {
    let shown: ConsoleInPage;
    beforeAll(async () => {
      shown = await open(docs().server.url + routeOf(list));
      await shown.openFromReference(list);
    });
    afterAll(() => shown?.page.context().close());

    const names = async () => {
      await shown.choose(list);
      await shown.send();
      return ((await shown.shownBody()) as { results: { name: string }[] }).results.map(({ name }) => name);
    };
    const createNamed = async (name: string) => {
      await shown.choose(create);
      await shown.body.fill(JSON.stringify({ ...JSON.parse(create.body?.example ?? "{}"), name }));
      await shown.send();
      expect(await shown.status()).toBe("201");
    };

    it("keeps test mode and each workspace apart, and says so in the curl and the TypeScript", async () => {
      const examples = await names();
      expect(examples.length).toBeGreaterThan(0);
      await shown.dialog.getByLabel("Test mode (x-piriod-test-mode)").check();
      await createNamed("Prueba SpA");
      await expect.poll(() => shown.curl()).toContain("--header 'x-piriod-test-mode: true'");
      expect(await shown.typescript()).toContain("  testMode: true,\n");
      expect(await names()).toEqual(["Prueba SpA"]);
      await shown.dialog.getByLabel("Test mode (x-piriod-test-mode)").uncheck();
      expect(await names()).toEqual(examples);
      await shown.dialog.getByLabel("Workspace (x-simple-workspace)").fill("acc_01J0OTHER0000000");
      expect(await names()).toEqual([]);
      expect(await shown.answer.locator(".pc-page").textContent()).toMatch(
        /^Page 1: 0 items of 0 in all, the last page\./,
      );
      await shown.dialog.getByLabel("Workspace (x-simple-workspace)").fill(model.workspace);
    });

    it("pages through a list with its next-page button", async () => {
      await createNamed("Segunda SpA");
      await shown.choose(list);
      await shown.field("page_size").fill("1");
      await shown.send();
      const bar = shown.answer.locator(".pc-page");
      expect(await bar.textContent()).toMatch(/^Page 1: 1 item of 2 in all\. Next page$/);
      await bar.getByRole("button", { name: "Next page" }).click();
      await shown.settled();
      expect(await shown.answer.locator(".pc-page").textContent()).toMatch(
        /^Page 2: 1 item of 2 in all, the last page\./,
      );
      await expect(shown.answer.getByRole("button", { name: "Next page" }).isDisabled()).resolves.toBe(true);
      expect(await shown.lines("fake")).toEqual(["GET /customers/?page_size=1&page=2 → 200"]);
      await shown.field("page_size").fill("");
    });

    it("registers no service worker", async () => {
      expect(
        await shown.page.evaluate(() => navigator.serviceWorker.getRegistrations().then((found) => found.length)),
      ).toBe(0);
    });

    it("starts over from the spec's examples on reset", async () => {
      await shown.dialog.getByRole("button", { name: "Reset data" }).click();
      expect(await shown.answer.textContent()).toMatch(/the fake holds the spec's examples again/);
      expect(await names()).not.toContain("Segunda SpA");
    });

    it("shows the fake's 400 by field when bodies go unchecked", async () => {
      await shown.dialog.getByLabel("Check bodies before sending (validate.request)").uncheck();
      await shown.choose(update);
      await shown.body.fill('{ "email": "no es un correo" }');
      await expect.poll(() => shown.typescript()).toContain("  validate: { request: false },\n");
      await shown.send();
      expect(await shown.status()).toBe("400");
      expect(await shown.answer.locator("table caption").textContent()).toBe(
        "Field errors (Piriod refused these fields)",
      );
      expect(await shown.errorRows()).toEqual(
        expect.arrayContaining([
          ["/email", "Enter a valid email address."],
          ["/name", "This field is required."],
        ]),
      );
      await shown.dialog.getByLabel("Check bodies before sending (validate.request)").check();
    });

    it("tries a read again after a dropped connection, and leaves a failed create alone", async () => {
      await shown.choose(retrieve);
      await shown.dialog.getByLabel(FAULT).selectOption({ label: "a dropped connection" });
      await shown.send();
      expect(await shown.status()).toBe("200");
      expect(await shown.lines("fake")).toEqual([
        `GET /customers/${retrieve.pathParams[0]?.example}/ → connection dropped`,
        `GET /customers/${retrieve.pathParams[0]?.example}/ → 200`,
      ]);
      await shown.choose(create);
      await shown.dialog.getByLabel(FAULT).selectOption({ label: "500 Internal Server Error" });
      await shown.send();
      expect(await shown.status()).toBe("500");
      expect(await shown.shownBody()).toMatch(/<title>Server Error \(500\)<\/title>/);
      expect(await shown.lines("fake")).toEqual(["POST /customers/ → 500"]);
    });
  });

  // One reader's page, through every check in turn.
  describe("usable by everyone", () => {
    let shown: ConsoleInPage;
    beforeAll(async () => {
      shown = await open(docs().server.url + routeOf(update));
    });
    afterAll(() => shown?.page.context().close());

    it("names every control of the console", async () => {
      // A line of the snapshot is quoted when the name holds a colon: `- 'textbox "Body: …"'`.
      const controls = /^\s*- '?(button|textbox|combobox|checkbox|link)(?: "([^"]*)")?/;
      await shown.openFromReference(update);
      const snapshot = await shown.dialog.ariaSnapshot();
      const unnamed = snapshot
        .split("\n")
        .map((line) => line.match(controls))
        .filter((match) => match !== null && (match[2] ?? "").trim() === "")
        .map((match) => match?.[0]);
      expect(unnamed).toEqual([]);
      for (const name of [
        'textbox "id required"',
        'textbox "Body: CustomerUpdate, as JSON"',
        'button "Close the console"',
      ])
        expect(snapshot).toContain(name);
      await shown.page.keyboard.press("Escape");
    });

    it("works with the keyboard alone: open, fill in, send, close, focus back where it was", async () => {
      const { page } = shown;
      await page.getByRole("button", { name: `Try it: ${update.summary}`, exact: true }).focus();
      await page.keyboard.press("Enter");
      await shown.dialog.waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("pc-path-id");
      await shown.choose(retrieve);
      await page.getByLabel("id required").focus();
      await page.keyboard.press("Control+A");
      await page.keyboard.type("cus_01H8XYZ123ABC");
      await page.keyboard.press("Enter");
      await shown.settled();
      expect(await shown.status()).toBe("200");
      // Tab goes round the console's controls and never reaches the page behind it.
      const outside: string[] = [];
      for (let step = 0; step < 40; step++) {
        await page.keyboard.press("Tab");
        const where = await page.evaluate(() => {
          const active = document.activeElement;
          return active === null || active === document.body || active.closest("#piriod-console")
            ? ""
            : active.outerHTML.slice(0, 80);
        });
        if (where !== "") outside.push(where);
      }
      expect(outside).toEqual([]);
      await page.keyboard.press("Escape");
      await expect(shown.dialog.isVisible()).resolves.toBe(false);
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
        `Try it: ${update.summary}`,
      );
    });

    it("uses the docs' colours, light and dark as the reader switches, every text readable at 4.5:1", async () => {
      const { page } = shown;
      const themeOfDocs = () =>
        page.evaluate(() => ({
          theme: document.documentElement.className,
          background: getComputedStyle(document.querySelector(".menu-content") as Element).backgroundColor,
          text: getComputedStyle(document.querySelector("#redoc h2") as Element).color,
        }));
      for (const theme of ["light", "dark"]) {
        const docsColours = await themeOfDocs();
        expect(docsColours.theme).toBe(theme);
        const controls = await page.locator(".piriod-try").first().evaluate(textColours);
        await shown.openFromReference(update);
        await shown.send();
        const colours = await shown.dialog.evaluate((dialog) => [
          getComputedStyle(dialog).backgroundColor,
          getComputedStyle(dialog).color,
        ]);
        expect(colours).toEqual([docsColours.background, docsColours.text]);
        const texts = [...controls, ...(await shown.dialog.evaluate(textColours))];
        expect(texts.length).toBeGreaterThan(50);
        expect(texts.filter(({ color, background }) => contrast(color, background) < 4.5)).toEqual([]);
        await page.screenshot({ path: path.join(docs().site, `console-${theme}.png`) });
        await page.keyboard.press("Escape");
        // The docs' own switch, as the reader uses it.
        await page.getByTestId("color-mode-switcher").click();
      }
      expect((await themeOfDocs()).theme).toBe("light");
    });

    it("still works in a narrow window: nothing wider than the window, the answer brought into view", async () => {
      await shown.page.setViewportSize({ width: 375, height: 700 });
      await shown.openFromReference(update);
      const overflow = () =>
        shown.dialog.evaluate((dialog) => ({
          width: dialog.getBoundingClientRect().width,
          scrolls: dialog.scrollWidth > dialog.clientWidth,
        }));
      expect(await overflow()).toEqual({ width: 375, scrolls: false });
      await shown.send();
      expect(await shown.status()).toBe("200");
      expect(await overflow()).toEqual({ width: 375, scrolls: false });
      const top = await shown.answer.evaluate((answer) => answer.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(700);
      await shown.page.screenshot({ path: path.join(docs().site, "console-narrow.png") });
    });
  });

  describe("still one self-contained page", () => {
    it("works opened from a file, from the introduction's control", async () => {
      const shown = await open(pathToFileURL(path.join(docs().site, "index.html")).href);
      await shown.page.getByRole("button", { name: "Try the API in this page" }).click();
      await shown.dialog.waitFor();
      expect(await shown.dialog.getByLabel("Operation", { exact: true }).inputValue()).toBe(model.operations[0]?.key);
      await shown.send();
      expect(await shown.status()).toBe("200");
      const record = docs().records.at(-1);
      expect(record?.requests.filter((url) => !/^(file|blob|data):/.test(url))).toEqual([]);
      await shown.page.context().close();
    });

    // Last: it covers every page opened above.
    it("logs no error, and nothing leaves the page: no request elsewhere, no load the policy refused", () => {
      const { records, server } = docs();
      expect(records.flatMap((record) => record.errors)).toEqual([]);
      const served = records.slice(0, -1).flatMap((record) => record.requests);
      expect(requestsElsewhere(served, new URL(server.url).origin)).toEqual([]);
      expect(records.flatMap((record) => record.refusedLoads)).toEqual([]);
      expect(server.served.every((path) => path === "/")).toBe(true);
    });
  });
});

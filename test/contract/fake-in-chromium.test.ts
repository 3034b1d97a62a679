import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPiriodFake, type FakeServer, type PiriodFake } from "../../src/testing/index.ts";
import { type BrowserClientSite, buildBrowserClientSite, type PiriodModule } from "../helpers/browser-client-site.ts";
import { launchChromium, skipWithoutChromium } from "../helpers/docs-browser.ts";
import { type StaticServer, startStaticServer } from "../helpers/static-server.ts";

// A browser app on one port calling the fake served on another, as a front-end's dev server and
// `piriod-fake` do: the fake answers the preflight for the headers the client sends.
const skip = skipWithoutChromium("test/contract/fake-in-chromium.test.ts");

describe.skipIf(skip)("the fake over HTTP, called by the client in a page of another origin", () => {
  let site: BrowserClientSite;
  let files: StaticServer;
  let browser: Browser;
  let page: Page;
  let fake: PiriodFake;
  let open: FakeServer;
  let closed: FakeServer;

  beforeAll(async () => {
    site = await buildBrowserClientSite();
    files = await startStaticServer(site.root);
    fake = createPiriodFake({ examples: true });
    open = await fake.listen();
    closed = await fake.listen({ corsOrigins: ["http://elsewhere.example.test"] });
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    await page.goto(files.url);
    await page.waitForFunction(() => "piriod" in window);
  });

  afterAll(async () => {
    await browser?.close();
    await open?.close();
    await closed?.close();
    await files?.stop();
    await site?.remove();
  });

  /** A create and a test-mode list through the client in the page, against `baseUrl`. */
  const callFromPage = (baseUrl: string) =>
    page.evaluate(async (baseUrl) => {
      const { createPiriodClient } = (window as unknown as { piriod: PiriodModule }).piriod;
      const piriod = createPiriodClient({
        apiKey: "sk_test_fake",
        workspace: "acc_01H8XYZ123ABC",
        baseUrl,
        dangerouslyAllowBrowser: true,
        maxRetries: 0,
        headers: { "x-app-version": "1.2.3" },
      });
      try {
        const created = await piriod.customers.create({
          name: "Andes SpA",
          address: "Av. Providencia 1234",
          country: "CL",
          state: 13,
        });
        const listed = await piriod.customers.list(undefined, { testMode: true }).withResponse();
        return { created: created.id ?? "", count: listed.data.count, requestId: listed.requestId };
      } catch (error) {
        return { error: `${(error as Error).name}: ${(error as Error).message}` };
      }
    }, baseUrl);

  it("serves the page's calls, preflight and all, when bound to loopback", async () => {
    const outcome = await callFromPage(open.url);
    expect(outcome).toMatchObject({ created: expect.stringMatching(/^cus_/), count: 0 });
    expect(fake.requests.map(({ method, path, status }) => `${method} ${path} ${status}`)).toEqual([
      "POST /customers/ 201",
      "GET /customers/ 200",
    ]);
    expect(fake.requests[1]?.headers).toMatchObject({ "x-piriod-test-mode": "true", "x-app-version": "1.2.3" });
  });

  it("is refused by the browser for a page of an origin it was not told to let in", async () => {
    const outcome = await callFromPage(closed.url);
    expect(outcome).toEqual({ error: expect.stringMatching(/^PiriodConnectionError: .*Failed to fetch/) });
  });
});

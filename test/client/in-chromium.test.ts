import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CustomerUpdate } from "../../generated/schema.js";
import {
  type BrowserClientOptions,
  type BrowserClientSite,
  buildBrowserClientSite,
  corsJson,
  type PiriodModule,
  type WorkerReport,
} from "../helpers/browser-client-site.ts";
import { API_KEY, CUSTOMER_ID, WORKSPACE } from "../helpers/client-fixtures.ts";
import { defined } from "../helpers/defined.ts";
import { launchChromium, skipWithoutChromium } from "../helpers/docs-browser.ts";
import { type FaultServer, startFaultServer } from "../helpers/http-fault-server.ts";
import { chileanCustomer, chileanCustomerUpdate } from "../helpers/spec-examples.ts";
import { type StaticServer, startStaticServer } from "../helpers/static-server.ts";

// No browser, no test: loudly, except in CI, where a missing browser is a failure.
const skip = skipWithoutChromium("test/client/in-chromium.test.ts");

/** How `createPiriodClient` went, reduced to what survives the trip out of the browser. */
interface Outcome {
  started: boolean;
  error?: { piriodError: boolean; name: string; message: string };
}

function expectRefusal(outcome: Outcome): void {
  expect(outcome).toMatchObject({ started: false, error: { piriodError: true, name: "PiriodError" } });
  const { message } = defined(outcome.error, "the error createPiriodClient threw");
  expect(message).toMatch(/refusing to run in a browser/);
  expect(message).toContain("dangerouslyAllowBrowser: true");
  expect(message).not.toContain(API_KEY);
}

describe.skipIf(skip)("the fetch entry (src/index.ts), bundled and run in headless Chromium", () => {
  let site: BrowserClientSite;
  let files: StaticServer;
  let api: FaultServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** The page's origin, which the API must let in. */
  let origin: string;

  beforeAll(async () => {
    site = await buildBrowserClientSite();
    files = await startStaticServer(site.root);
    origin = new URL(files.url).origin;
    // A second server, so the page calls the API across origins as it would Piriod's.
    api = await startFaultServer();
    api.answer(corsJson(origin, chileanCustomer));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await files?.stop();
    await api?.close();
    await site?.remove();
  });

  // A fresh context per test: its own module instances and an empty cache, so every chunk a test
  // needs is fetched, and recorded, anew.
  beforeEach(async () => {
    context = await browser.newContext();
    // A missing element or a hung call fails its test in seconds, not at the 30 s test timeout.
    context.setDefaultTimeout(5_000);
    page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
    page.on("console", (message) => void (message.type() === "error" && errors.push(`console: ${message.text()}`)));
    files.served.length = 0;
    api.received.length = 0;
    await page.goto(files.url);
    await page
      .waitForFunction(() => "piriod" in window)
      .catch((error: Error) => {
        throw new Error(`the page never loaded piriod.js: ${error.message}\n${errors.join("\n")}`);
      });
  });

  afterEach(async () => {
    await context?.close();
  });

  const options = (extra: Partial<BrowserClientOptions> = {}): BrowserClientOptions => ({
    apiKey: API_KEY,
    workspace: WORKSPACE,
    baseUrl: api.url,
    // A refused or failed call reports at once, rather than after retries and their back-off.
    maxRetries: 0,
    timeoutMs: 5_000,
    ...extra,
  });

  /** `createPiriodClient(options)` in the page. */
  const startInPage = (clientOptions: BrowserClientOptions): Promise<Outcome> =>
    page.evaluate((clientOptions) => {
      const { createPiriodClient, PiriodError } = (window as unknown as { piriod: PiriodModule }).piriod;
      try {
        createPiriodClient(clientOptions);
        return { started: true };
      } catch (error) {
        const { name, message } = error as Error;
        return { started: false, error: { piriodError: error instanceof PiriodError, name, message } };
      }
    }, clientOptions);

  /** `createPiriodClient(options)` in a module worker the page starts, and what the worker's scope looks like. */
  const startInWorker = (clientOptions: BrowserClientOptions): Promise<WorkerReport> =>
    page.evaluate(
      (clientOptions) =>
        new Promise<WorkerReport>((resolve, reject) => {
          const worker = new Worker("/worker.js", { type: "module" });
          worker.onmessage = (event: MessageEvent<WorkerReport>) => {
            worker.terminate();
            resolve(event.data);
          };
          worker.onerror = (event) => {
            worker.terminate();
            reject(new Error(`the worker failed: ${event.message || "its script did not load"}`));
          };
          worker.postMessage(clientOptions);
        }),
      clientOptions,
    );

  /** `customers.update(id, body)` in the page, with the customer it resolved to or the error it rejected with. */
  const updateInPage = (clientOptions: BrowserClientOptions, id: string, body: CustomerUpdate) =>
    page.evaluate(
      async ({ clientOptions, id, body }) => {
        const { createPiriodClient, PiriodValidationError } = (window as unknown as { piriod: PiriodModule }).piriod;
        try {
          return { customer: await createPiriodClient(clientOptions).customers.update(id, body) };
        } catch (error) {
          const { name, message } = error as Error;
          const validationErrors = error instanceof PiriodValidationError ? error.errors : undefined;
          return {
            error: { name, message, validationError: error instanceof PiriodValidationError, validationErrors },
          };
        }
      },
      { clientOptions, id, body },
    );

  it("refuses to start in a page, naming dangerouslyAllowBrowser: true", async () => {
    expectRefusal(await startInPage(options()));
  });

  it("refuses to start in a module worker too, where there is no window to give the browser away", async () => {
    const report = await startInWorker(options());
    // A worker has no window nor document: only the WorkerGlobalScope check can tell it is a browser.
    expect(report.scope).toMatchObject({ window: "undefined", document: "undefined", workerGlobalScope: true });
    expect(report.scope.userAgent).toMatch(/^Mozilla\//);
    expectRefusal(report);
  });

  it("starts in a module worker with dangerouslyAllowBrowser: true", async () => {
    const report = await startInWorker(options({ dangerouslyAllowBrowser: true }));
    expect(report.scope.window).toBe("undefined");
    expect(report).toMatchObject({ started: true });
    expect(report.error).toBeUndefined();
  });

  it("with dangerouslyAllowBrowser: true, sends the PATCH across origins and resolves to the customer the API answers", async () => {
    const outcome = await updateInPage(options({ dangerouslyAllowBrowser: true }), CUSTOMER_ID, chileanCustomerUpdate);
    expect(outcome).toEqual({ customer: chileanCustomer });

    // The browser asked first whether this origin may send those headers: the call really crossed origins.
    const [preflight, ...sent] = api.received;
    expect(preflight).toMatchObject({ method: "OPTIONS", url: `/customers/${CUSTOMER_ID}/` });
    const asked = defined(preflight, "the preflight request").headers;
    expect(asked["access-control-request-method"]).toBe("PATCH");
    expect(asked["access-control-request-headers"]?.split(",").sort()).toEqual([
      "authorization",
      "content-type",
      "x-simple-workspace",
    ]);

    expect(sent).toHaveLength(1);
    const patch = defined(sent[0], "the PATCH");
    expect(patch).toMatchObject({ method: "PATCH", url: `/customers/${CUSTOMER_ID}/` });
    expect(patch.headers).toMatchObject({ authorization: `Token ${API_KEY}`, "x-simple-workspace": WORKSPACE, origin });
    expect(patch.headers["content-type"]).toMatch(/^application\/json\b/);
    expect(JSON.parse(patch.body)).toEqual(chileanCustomerUpdate);
  });

  it("rejects a body that breaks the schema with a PiriodValidationError, sending nothing, its validator loaded on demand", async () => {
    // Off the types on purpose: this is what a caller without TypeScript could pass.
    const broken = { ...chileanCustomerUpdate, name: 42 } as unknown as CustomerUpdate;
    const outcome = await updateInPage(options({ dangerouslyAllowBrowser: true }), CUSTOMER_ID, broken);
    expect(outcome.error).toMatchObject({ name: "PiriodValidationError", validationError: true });
    const { validationErrors } = defined(outcome.error, "the update's error");
    expect(defined(validationErrors, "the error's issues").map((issue) => issue.path)).toEqual(["/name"]);
    expect(api.received).toEqual([]);
    // The validator came in a chunk of its own, fetched by the dynamic import once the client started.
    expect(files.served).toContain(site.requestValidatorChunk);
    expect(site.requestValidatorChunk).not.toBe("/piriod.js");
  });

  it("follows no redirect: a 307 to another origin ends the PATCH in a PiriodApiError that says the browser hides where", async () => {
    api.answer((response, request) => {
      const cors = { "access-control-allow-origin": origin, vary: "Origin" };
      if (request.method === "OPTIONS") {
        response
          .writeHead(204, {
            ...cors,
            "access-control-allow-methods": "GET, PATCH",
            "access-control-allow-headers": "authorization, x-simple-workspace, content-type",
          })
          .end();
      } else {
        response.writeHead(307, { ...cors, location: `${files.url}/elsewhere/` }).end();
      }
    });
    try {
      const outcome = await updateInPage(
        options({ dangerouslyAllowBrowser: true }),
        CUSTOMER_ID,
        chileanCustomerUpdate,
      );
      expect(outcome.error).toMatchObject({ name: "PiriodApiError" });
      expect(defined(outcome.error, "the update's error").message).toMatch(
        /failed with 0: redirected, and the browser does not say where \(not followed/,
      );
      expect(api.received.map((request) => request.method)).toEqual(["OPTIONS", "PATCH"]);
      expect(files.served).not.toContain("/elsewhere/");
    } finally {
      api.answer(corsJson(origin, chileanCustomer));
    }
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { PiriodError } from "../../src/errors.js";
import { createPiriodClient as createFetchClient } from "../../src/index.js";
import { createPiriodClient } from "../../src/node.js";
import { API_KEY, WORKSPACE } from "../helpers/client-fixtures.ts";

// The browser guard under the DOM a test runner emulates (vitest's and Jest's jsdom and happy-dom
// environments), beside a browser's: the real environments run in test/runtimes/dom.test.ts.
const valid = { apiKey: API_KEY, workspace: WORKSPACE };
const JSDOM = "Mozilla/5.0 (linux) AppleWebKit/537.36 (KHTML, like Gecko) jsdom/29.1.1";
const HAPPY_DOM = "Mozilla/5.0 (X11; Linux x64) AppleWebKit/537.36 (KHTML, like Gecko) HappyDOM/21.0.4";
const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36";

/** A page's globals: a window with a document, and the user agent its navigator gives. */
function page(userAgent: string): void {
  vi.stubGlobal("window", { document: {} });
  vi.stubGlobal("navigator", { userAgent });
}

/** What creating a client threw, or undefined. */
function thrownBy(create: () => unknown): unknown {
  try {
    create();
  } catch (error) {
    return error;
  }
  return undefined;
}

afterEach(() => void vi.unstubAllGlobals());

describe("a DOM emulated in Node for tests", () => {
  it.each([
    ["jsdom", JSDOM, createFetchClient],
    ["happy-dom", HAPPY_DOM, createFetchClient],
    ["jsdom", JSDOM, createPiriodClient],
    ["happy-dom", HAPPY_DOM, createPiriodClient],
  ])("%s: the client starts without dangerouslyAllowBrowser (%#)", (_dom, userAgent, create) => {
    page(userAgent);
    expect(thrownBy(() => create(valid))).toBeUndefined();
  });
});

describe("a browser", () => {
  it("is refused with a message that says what to do instead, without the key", () => {
    page(CHROME);
    const error = thrownBy(() => createFetchClient(valid));
    expect(error).toBeInstanceOf(PiriodError);
    const { message } = error as PiriodError;
    expect(message).toMatch(
      /^createPiriodClient: refusing to run in a browser, where every visitor could read the API key\./,
    );
    expect(message).toContain("Make the client in server code (an API route, a backend) and have the page call that");
    expect(message).toContain("set dangerouslyAllowBrowser: true");
    expect(message).toContain("Tests under jsdom or happy-dom in Node, Deno or Bun are not refused");
    expect(message).not.toContain(API_KEY);
  });

  it("is refused even when its user agent names jsdom, for no Node runs beside the page", () => {
    page(JSDOM);
    // A bundler's stand-in for `process` has no Node version; the stub is set and removed around the call alone.
    const realProcess = globalThis.process;
    vi.stubGlobal("process", { env: {}, versions: {} });
    const error = thrownBy(() => createFetchClient(valid));
    vi.stubGlobal("process", realProcess);
    expect(error).toBeInstanceOf(PiriodError);
    expect((error as Error).message).toMatch(/refusing to run in a browser/);
  });
});

import { describe, expect, it } from "vitest";
import { LIGHT_REQUEST, REQUEST_VALIDATOR, RESPONSE_VALIDATOR } from "../../bench/lib/browser-apps.ts";
import { bundleApp, inputsOf, upFront } from "../../bench/lib/bundle-size.ts";

// What a bundler makes of each entry point, code-splitting dynamic imports as Vite, Rollup and
// webpack do: the browser and fetch entries must reach no Node module, the browser entry none of
// the stand-ins for JavaScript Request and Response classes, and what is loaded on demand (the
// validators, the light classes, the Node transport) must stay out of what loads up front. The
// size budgets of a browser app are in test/budgets/.
const NODE_TRANSPORT = "src/node-transport.ts";
const LIGHT_CLASS_MACHINERY = [LIGHT_REQUEST, "src/buffered-response.ts", "src/light-classes.ts", "src/middleware-requests.ts", "src/fetch-runtime.ts"];

const entryBundle = (entry: string, platform: "browser" | "node") => bundleApp(`export * from "./${entry}";`, platform);

describe.each([
  ["browser", "src/browser.ts", []],
  ["fetch", "src/index.ts", [LIGHT_REQUEST]],
])("the %s entry, %s", (_name, entry, lazyClasses) => {
  it("bundles for the browser without any Node module", async () => {
    const bundle = await entryBundle(entry, "browser");
    expect(inputsOf(bundle.chunks).filter((input) => input.startsWith("node:") || input === NODE_TRANSPORT)).toEqual([]);
  });

  it("loads each validator only on demand, and the light classes too where it has them", async () => {
    const bundle = await entryBundle(entry, "browser");
    for (const lazy of [REQUEST_VALIDATOR, RESPONSE_VALIDATOR, ...lazyClasses]) {
      expect(inputsOf(upFront(bundle))).not.toContain(lazy);
      expect(inputsOf(bundle.chunks)).toContain(lazy);
    }
    expect(inputsOf([bundle.entry])).toContain("src/client.ts");
  });
});

describe("the browser entry, src/browser.ts", () => {
  it("carries no light classes, nor what hands middleware standard requests in their place", async () => {
    const bundle = await entryBundle("src/browser.ts", "browser");
    expect(inputsOf(bundle.chunks).filter((input) => LIGHT_CLASS_MACHINERY.includes(input))).toEqual([]);
  });
});

describe("the node entry, src/node.ts", () => {
  it("loads the Node transport, and node:http with it, only on the first request", async () => {
    const bundle = await entryBundle("src/node.ts", "node");
    expect(inputsOf(upFront(bundle))).not.toContain(NODE_TRANSPORT);
    expect(inputsOf(bundle.chunks)).toContain(NODE_TRANSPORT);
    expect(upFront(bundle).map((chunk) => chunk.text).join("\n")).not.toMatch(/from\s*"node:https?"/);
  });
});

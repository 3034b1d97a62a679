import { describe, expect, it } from "vitest";
import { REQUEST_VALIDATOR, RESPONSE_VALIDATOR } from "../../bench/lib/browser-apps.ts";
import { type AppBundle, bundleApp, inputsOf, upFront } from "../../bench/lib/bundle-size.ts";

// What a bundler makes of each entry point, code-splitting dynamic imports as Vite, Rollup and
// webpack do: the fetch entry (browsers, workers, Deno, Bun) must reach no Node module, and the
// validators must stay out of what loads up front. The size budgets of a browser app are in
// test/budgets/.
const NODE_TRANSPORT = "src/node-transport.ts";

const entryBundle = (entry: string, platform: "browser" | "node") => bundleApp(`export * from "./${entry}";`, platform);

describe("the fetch entry, src/index.ts", () => {
  it("bundles for the browser without any Node module", async () => {
    const bundle = await entryBundle("src/index.ts", "browser");
    expect(inputsOf(bundle.chunks).filter((input) => input.startsWith("node:") || input === NODE_TRANSPORT)).toEqual(
      [],
    );
  });

  it("never reads the environment: no bundler can inline a build machine's PIRIOD_API_KEY", async () => {
    const browser = await entryBundle("src/index.ts", "browser");
    const text = (bundle: AppBundle) => [bundle.entry, ...bundle.chunks].map((chunk) => chunk.text).join("\n");
    expect(text(browser)).not.toContain("PIRIOD_");
    // The Deno and Bun entry does, which shows the search finds it when it is there.
    const denoAndBun = await entryBundle("src/deno-and-bun.ts", "browser");
    expect(text(denoAndBun)).toContain("PIRIOD_API_KEY");
  });

  it("carries no code to name the client in a User-Agent, which a browser must not send", async () => {
    const text = (bundle: AppBundle) => [bundle.entry, ...bundle.chunks].map((chunk) => chunk.text).join("\n");
    expect(text(await entryBundle("src/index.ts", "browser"))).not.toContain("@piriod/api/");
    expect(text(await entryBundle("src/deno-and-bun.ts", "browser"))).toContain("@piriod/api/");
  });

  it("loads each validator only on demand", async () => {
    const bundle = await entryBundle("src/index.ts", "browser");
    for (const lazy of [REQUEST_VALIDATOR, RESPONSE_VALIDATOR]) {
      expect(inputsOf(upFront(bundle))).not.toContain(lazy);
      expect(inputsOf(bundle.chunks)).toContain(lazy);
    }
    expect(inputsOf([bundle.entry])).toContain("src/client.ts");
  });

  it("loads what reads a failed response, a query's rules and a list's rules only on demand", async () => {
    const bundle = await entryBundle("src/index.ts", "browser");
    for (const lazy of [
      "src/api-error.ts",
      "src/summary.ts",
      "src/drf-field-errors.ts",
      "src/query.ts",
      "src/list-rules.ts",
    ]) {
      expect(inputsOf(upFront(bundle))).not.toContain(lazy);
      expect(inputsOf(bundle.chunks)).toContain(lazy);
    }
  });
});

describe("the node entry, src/node.ts", () => {
  it("imports no Node module up front: node:http and node:https load on the first request that needs them", async () => {
    const bundle = await entryBundle("src/node.ts", "node");
    expect(
      upFront(bundle)
        .map((chunk) => chunk.text)
        .join("\n"),
    ).not.toMatch(/from\s*"node:|require\("node:|import\("node:/);
    expect(inputsOf(upFront(bundle))).toContain(NODE_TRANSPORT);
  });
});

/**
 * The browser path where it is meant to run: the browser entry in Chromium, whose `fetch`, `Request` and `Response`
 * are native, beside the page's own `fetch` and openapi-fetch alone. The page and the API share
 * one loopback origin (the benchmark server serves both), so no CORS preflight is measured.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { bundleApp, writeBundle } from "./bundle-size.ts";
import { CHROMIUM_PATH, chromiumFound, launchChromium } from "./chromium.ts";
import { startLoopbackServer } from "./loopback-server.ts";
import type { ClientCall } from "./spec-fixtures.ts";
import { callsPerSecond, summarize, type Summary } from "./stats.ts";

/** The client in the page: what a browser app gets, the browser entry. */
export const BROWSER_ENTRY_WAY = "@piriod/api browser entry, default options";

/** The ways a page can send, the others named as the Node tables name them. */
export const BROWSER_WAYS = ["global fetch", "global fetch, a fresh AbortSignal per request", "openapi-fetch 0.17 alone (default Request, global fetch)", BROWSER_ENTRY_WAY];

/** The page's app: the browser entry and openapi-fetch, bundled as for the size budgets, split where they import on demand. */
const PAGE_APP = `
export { createPiriodClient } from "./src/browser.ts";
export { default as createOpenApiClient } from "openapi-fetch";
`;

const INDEX_HTML = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>@piriod/api throughput in a browser</title>
<script type="module">
  import * as app from "./app.js";
  window.app = app;
</script>
</html>
`;

export interface BrowserRounds {
  rounds: number;
  ms: number;
  warmCalls: number;
}

interface PageInput extends BrowserRounds {
  ways: string[];
  headers: Record<string, string>;
  apiKey: string;
  workspace: string;
  call: { method: string; path: string; id: string; body: unknown; resource: string; name: string };
}

/**
 * What the page runs, as source: a function written in the bench's TypeScript would reach the
 * page with the helpers the compiler adds to it, which the page does not have. Each way is warmed
 * as in Node, then the ways alternate, rotated each round; resolves to the rates of every round.
 */
const MEASURE_IN_PAGE = `async (input) => {
  const { createPiriodClient, createOpenApiClient } = window.app;
  const { call, headers } = input;
  const url = location.origin + call.path.replace("{id}", encodeURIComponent(call.id));
  const payload = () => (call.body === undefined ? undefined : JSON.stringify(call.body));
  const openapi = createOpenApiClient({ baseUrl: location.origin, headers });
  const piriod = createPiriodClient({ apiKey: input.apiKey, workspace: input.workspace, baseUrl: location.origin, dangerouslyAllowBrowser: true });
  const args = call.body === undefined ? [call.id] : [call.id, call.body];
  const sends = {
    "global fetch": async () => (await fetch(url, { method: call.method, headers, body: payload() })).json(),
    "global fetch, a fresh AbortSignal per request": async () =>
      (await fetch(url, { method: call.method, headers, body: payload(), signal: new AbortController().signal })).json(),
    "openapi-fetch 0.17 alone (default Request, global fetch)": () =>
      openapi.request(call.method.toLowerCase(), call.path, { params: { path: { id: call.id } }, body: call.body }),
    "${BROWSER_ENTRY_WAY}": () => piriod[call.resource][call.name](...args),
  };
  // The same measure as in Node, its source copied in; tsx names the closures it compiles with a
  // helper that the page supplies as a no-op.
  const __name = (target) => target;
  const callsPerSecond = ${callsPerSecond.toString()};
  for (const way of input.ways) {
    await callsPerSecond(sends[way], 16, input.ms / 2);
    for (let index = 0; index < input.warmCalls; index++) await sends[way]();
  }
  const samples = Object.fromEntries(input.ways.map((way) => [way, { 1: [], 16: [] }]));
  for (let round = 0; round < input.rounds; round++) {
    const order = input.ways.map((_, index) => input.ways[(index + round) % input.ways.length]);
    for (const way of order) for (const inFlight of [1, 16]) samples[way][inFlight].push(await callsPerSecond(sends[way], inFlight, input.ms));
  }
  return samples;
}`;

/**
 * Requests per second of each way in a headless Chromium page, keyed as the Node results are
 * (`way\tinFlight`); `undefined`, said loudly, when there is no Chromium to run.
 */
export async function chromiumThroughput(call: ClientCall, rounds: BrowserRounds, identity: { headers: Record<string, string>; apiKey: string; workspace: string }): Promise<Record<string, Summary> | undefined> {
  if (!chromiumFound()) {
    console.warn(`!! No Chromium at ${CHROMIUM_PATH}: the browser path is not measured in a browser. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
    return undefined;
  }
  const site = await mkdtemp(path.join(tmpdir(), "piriod-bench-browser-"));
  try {
    await writeBundle(await bundleApp(PAGE_APP), site, "app.js");
    await writeFile(path.join(site, "index.html"), INDEX_HTML);
    const server = await startLoopbackServer(call, {}, site);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.baseUrl}/`);
      await page.waitForFunction(() => "app" in window);
      const input: PageInput = {
        ...rounds,
        ...identity,
        ways: BROWSER_WAYS,
        call: { method: call.http.method, path: call.http.path, id: call.id, body: call.body, resource: call.resource, name: call.method },
      };
      const samples = (await page.evaluate(`(${MEASURE_IN_PAGE})(${JSON.stringify(input)})`)) as Record<string, Record<string, number[]>>;
      return Object.fromEntries(BROWSER_WAYS.flatMap((way) => ["1", "16"].map((inFlight) => [`${way}\t${inFlight}`, summarize(samples[way]![inFlight]!)])));
    } finally {
      await browser.close();
      server.stop();
    }
  } finally {
    await rm(site, { recursive: true, force: true });
  }
}

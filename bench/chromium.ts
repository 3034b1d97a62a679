/**
 * The fetch entry where it is meant to run: `customers.update` in headless Chromium, through the
 * package as a bundler for browsers picks it (the `browser` export condition), beside the page's
 * own `fetch`. The page and the API share one loopback origin (the benchmark server serves both),
 * so no CORS preflight is measured.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { API_KEY, HEADERS, WORKSPACE } from "./child/senders.ts";
import { bundleApp, writeBundle } from "./lib/bundle-size.ts";
import { startLoopbackServer } from "./lib/child-process.ts";
import { CHROMIUM_PATH, chromiumFound, launchChromium } from "./lib/chromium.ts";
import { defined } from "./lib/defined.ts";
import {
  type Benchmark,
  formatNumber,
  MODES,
  type Rates,
  rateOf,
  ratesTable,
  type Target,
  times,
} from "./lib/report.ts";
import { CUSTOMERS_UPDATE, callName } from "./lib/spec-fixtures.ts";
import { callsPerSecond, spread, summarize } from "./lib/stats.ts";
import { workspace } from "./lib/workspace.ts";

const BASELINE = "the page's own fetch";
const WITH_SIGNAL = "the page's fetch, a fresh AbortSignal per request";
const OPENAPI_FETCH = "openapi-fetch 0.17 alone";
const CLIENT = "@piriod/api browser entry, default options";
const WAYS = [BASELINE, WITH_SIGNAL, OPENAPI_FETCH, CLIENT];
const LEAST = 0.9;

/** The page's app, bundled from the installed package as for the size budgets, split where it imports on demand. */
const PAGE_APP = `
export { createPiriodClient } from "@piriod/api";
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

/**
 * What the page runs, as source: a function written in the bench's TypeScript would reach the
 * page with the helpers the compiler adds to it, which the page does not have. Each way is warmed
 * as in Node, then the ways alternate, rotated each round; resolves to the rates of every round.
 */
const MEASURE_IN_PAGE = `async (input) => {
  const { createPiriodClient, createOpenApiClient } = window.app;
  const { call, headers } = input;
  const url = location.origin + call.http.path.replace("{id}", encodeURIComponent(call.id));
  const method = call.http.method;
  const openapi = createOpenApiClient({ baseUrl: location.origin, headers });
  const piriod = createPiriodClient({ apiKey: input.apiKey, workspace: input.workspace, baseUrl: location.origin, dangerouslyAllowBrowser: true });
  const sends = {
    "${BASELINE}": async () => (await fetch(url, { method, headers, body: JSON.stringify(call.body) })).json(),
    "${WITH_SIGNAL}": async () => (await fetch(url, { method, headers, body: JSON.stringify(call.body), signal: new AbortController().signal })).json(),
    "${OPENAPI_FETCH}": () => openapi.request(method.toLowerCase(), call.http.path, { params: { path: { id: call.id } }, body: call.body }),
    "${CLIENT}": () => piriod[call.resource][call.method](call.id, call.body),
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

/** Requests per second of each way in a headless Chromium page, by way and calls in flight. */
async function inChromium(input: { rounds: number; ms: number; warmCalls: number }): Promise<Rates> {
  const site = await mkdtemp(path.join(tmpdir(), "piriod-bench-browser-"));
  try {
    await writeBundle(await bundleApp(PAGE_APP, "browser", (await workspace()).dir), site, "app.js");
    await writeFile(path.join(site, "index.html"), INDEX_HTML);
    const server = await startLoopbackServer(CUSTOMERS_UPDATE, {}, site);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.baseUrl}/`);
      await page.waitForFunction(() => "app" in window);
      const pageInput = {
        ...input,
        ways: WAYS,
        headers: HEADERS,
        apiKey: API_KEY,
        workspace: WORKSPACE,
        call: CUSTOMERS_UPDATE,
      };
      const samples = (await page.evaluate(`(${MEASURE_IN_PAGE})(${JSON.stringify(pageInput)})`)) as Record<
        string,
        Record<string, number[]>
      >;
      return Object.fromEntries(
        WAYS.map((way) => [
          way,
          Object.fromEntries(
            MODES.map(([inFlight]) => [
              inFlight,
              summarize(defined(samples[way]?.[inFlight], `the page's samples of ${way} with ${inFlight} in flight`)),
            ]),
          ),
        ]),
      );
    } finally {
      await browser.close();
      server.stop();
    }
  } finally {
    await rm(site, { recursive: true, force: true });
  }
}

export const benchChromium: Benchmark = async ({ quick }) => {
  const what = (mode: string) =>
    `Chromium, ${callName(CUSTOMERS_UPDATE)}, ${mode}: @piriod/api browser entry × the page's own fetch`;
  if (!chromiumFound()) {
    const missing = `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
    return {
      title: "Speed in Chromium",
      tables: [],
      targets: MODES.map(([, mode]) => ({
        what: what(mode),
        target: `≥ ${LEAST}×`,
        measured: "not measured",
        met: false,
        why: missing,
      })),
    };
  }
  // Chromium's fetch is native and several times as slow per request here as node:http: fewer calls warm the page's JavaScript in time.
  // Windows twice as long as in Node: a page sends a few hundred calls in one, where Node sends thousands.
  const rounds = { rounds: quick ? 2 : 5, ms: quick ? 200 : 800, warmCalls: quick ? 500 : 1_500 };
  const rates = await inChromium(rounds);
  const against = (way: string, inFlight: string) => times(rates, way, BASELINE, inFlight);
  const targets: Target[] = MODES.map(([inFlight, mode]) => ({
    what: what(mode),
    target: `≥ ${LEAST}×`,
    measured: `${against(CLIENT, inFlight).toFixed(2)}×`,
    met: against(CLIENT, inFlight) >= LEAST,
    why:
      `the page's fetch given a fresh AbortSignal per request, as the client's per-attempt timeout needs, runs at ${against(WITH_SIGNAL, inFlight).toFixed(2)}× here, and openapi-fetch alone at ${against(OPENAPI_FETCH, inFlight).toFixed(2)}×; ` +
      `the rounds spread ${spread(rateOf(rates, CLIENT, inFlight))} for the client and ${spread(rateOf(rates, BASELINE, inFlight))} for the page's fetch`,
  }));
  return {
    title: "Speed in Chromium",
    intro:
      "`customers.update` in headless Chromium (unpinned), through the browser entry as a bundler for browsers picks it from the installed package (the `browser` export condition, bundled as under Size), beside the page's own `fetch` and openapi-fetch alone. " +
      `A page served from the benchmark server's own origin sends the same call (no CORS preflight), each way warmed by ${formatNumber(rounds.warmCalls)} calls, then ${rounds.rounds} alternating rounds of ${rounds.ms} ms, one at a time and with 16 in flight. Chromium allows 6 connections per host, so 16 in flight share them.`,
    tables: [ratesTable(`**${callName(CUSTOMERS_UPDATE)}**, in headless Chromium`, rates, BASELINE, "page's fetch")],
    targets,
  };
};

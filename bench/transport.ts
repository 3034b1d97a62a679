/**
 * Over loopback: requests per second of each call of the client (`CLIENT_CALLS`) and of every
 * other way of sending the same request, sequentially and with 16 in flight, against a local
 * node:http server in its own process. Each sample is a fresh Node process that sends one way,
 * the package as built. Server and clients share one core (see lib/cpu-pinning.ts); a few ways
 * are measured again unpinned, for comparison, and the browser entry in headless Chromium.
 */
import { API_KEY, HEADERS as SENT_HEADERS, WORKSPACE } from "./child/senders.ts";
import { BROWSER_ENTRY_WAY, chromiumThroughput } from "./lib/browser-throughput.ts";
import { runChild, type Placement } from "./lib/child-process.ts";
import { canPin, oneCore, PINNED_CORE } from "./lib/cpu-pinning.ts";
import { startLoopbackServer } from "./lib/loopback-server.ts";
import { figure, formatNumber, ratio, renderSection, type Benchmark, type Table, type Target } from "./lib/report.ts";
import { callName, measureEachCall, type ClientCall } from "./lib/spec-fixtures.ts";
import { alternatingSamples, summarize, type Summary } from "./lib/stats.ts";
import { removeWorkspace, workspace } from "./lib/workspace.ts";

const BASELINE = "global fetch";
const WITH_SIGNAL = "global fetch, a fresh AbortSignal per request";
const LIMIT = "node:http keep-alive, no client";
const OPENAPI_FETCH = "openapi-fetch 0.17 alone (default Request, global fetch)";
const NODE_CLIENT = /^@piriod\/api in Node/;
const FETCH_ENTRY = /^@piriod\/api fetch entry/;
/** The ways measured again with the processes left unpinned: the baseline, the transport alone and the client. */
const UNPINNED_WAYS = [BASELINE, LIMIT, "@piriod/api in Node, request validation on (default)"];
const MODES = [
  ["1", "sequential"],
  ["16", "16 in flight"],
] as const;

interface Rounds {
  rounds: number;
  ms: number;
  /** Sequential calls each process makes before it measures. */
  warmCalls: number;
}

type Results = Record<string, Summary>;

/** The names of every way of sending, in the order the tables list them. */
const allWays = (call: ClientCall) => runChild<string[]>("throughput", { baseUrl: "http://127.0.0.1:1", call, packageDir: "" });

/**
 * Requests per second of each way (all when `ways` is absent), server and clients placed as
 * asked: every sample from a fresh process that sends one way only, the ways alternating.
 */
async function throughput(call: ClientCall, { rounds, ms, warmCalls }: Rounds, placement: Placement, ways?: string[]): Promise<Results> {
  const server = await startLoopbackServer(call, placement);
  try {
    const { packageDir } = await workspace();
    const sample = (way: string) => () => runChild<Record<string, number>>("throughput", { baseUrl: server.baseUrl, call, packageDir, way, ms, warmCalls }, [], placement);
    const names = ways ?? (await allWays(call));
    const samples = await alternatingSamples(Object.fromEntries(names.map((way) => [way, sample(way)])), rounds);
    return Object.fromEntries(
      names.flatMap((way) => MODES.map(([inFlight]) => [`${way}\t${inFlight}`, summarize(samples[way]!.map((rates) => rates[inFlight]!))])),
    );
  } finally {
    server.stop();
  }
}

const waysOf = (results: Results) => [...new Set(Object.keys(results).map((key) => key.split("\t")[0]!))];
const at = (results: Results, way: string, inFlight: string) => results[`${way}\t${inFlight}`]!;
const times = (results: Results, way: string, inFlight: string) => at(results, way, inFlight).median / at(results, BASELINE, inFlight).median;

const HEADERS = ["way of sending", "sequential (req/s)", "× global fetch", "16 in flight (req/s)", "× global fetch"];

function throughputTable(caption: string, results: Results): Table {
  const rows = waysOf(results).map((way) => [
    way,
    ...MODES.flatMap(([inFlight]) => [figure(at(results, way, inFlight)), ratio(at(results, way, inFlight).median, at(results, BASELINE, inFlight).median)]),
  ]);
  return { caption, headers: HEADERS, rows };
}

/**
 * The calls the throughput targets are set for: the issues set them for customers.update, the
 * PATCH. A GET sends no body, where the global fetch is at its fastest (a body costs it a stream
 * per request), so there even node:http alone stays near 2×; its figures are reported, unjudged.
 */
const TARGETED = (call: ClientCall) => call.http.method === "PATCH";

/** `browser`: the same call in Chromium, when it could be measured there. */
function targetsOf(call: ClientCall, results: Results, browser?: Results): Target[] {
  if (!TARGETED(call)) return [];
  const inChromium = (inFlight: string) =>
    browser ? `; in Chromium, whose fetch is native, the browser entry runs at ${times(browser, BROWSER_ENTRY_WAY, inFlight).toFixed(2)}× the page's own fetch` : "";
  // Why a target can be missed: what the transport alone reaches, and what a timeout's signal costs fetch itself.
  const why = (way: string, inFlight: string) =>
    NODE_CLIENT.test(way)
      ? `node:http with no client at all reaches ${times(results, LIMIT, inFlight).toFixed(2)}× here, and the client runs at ${(at(results, way, inFlight).median / at(results, LIMIT, inFlight).median).toFixed(2)} of that`
      : `the client sends through openapi-fetch, which alone runs at ${times(results, OPENAPI_FETCH, inFlight).toFixed(2)}× here; the global fetch given the fresh AbortSignal per attempt that timeouts need runs at ${times(results, WITH_SIGNAL, inFlight).toFixed(2)}× (see Client cost for each layer's µs)${inChromium(inFlight)}`;
  return waysOf(results).flatMap((way) => {
    const least = NODE_CLIENT.test(way) ? 2.5 : FETCH_ENTRY.test(way) ? 0.95 : undefined;
    if (least === undefined) return [];
    return MODES.map(([inFlight, mode]) => {
      const measured = times(results, way, inFlight);
      return { what: `${callName(call)}: ${way}, ${mode}`, target: `≥ ${least}× global fetch`, measured: `${measured.toFixed(2)}×`, met: measured >= least, why: why(way, inFlight) };
    });
  });
}

/**
 * The ways measured for a call no target is set for (the GET): what explains its figures, the
 * baseline and what a signal costs it, openapi-fetch, the transport alone and the client.
 */
const UNJUDGED_WAYS = [
  BASELINE,
  WITH_SIGNAL,
  OPENAPI_FETCH,
  LIMIT,
  "@piriod/api in Node, validation off",
  "@piriod/api in Node, request validation on (default)",
  "@piriod/api fetch entry (browser path), default options",
];

/**
 * One call sent every way: its tables, and the targets it meets or misses. A quick run measures
 * only the calls targets are set for, and only on one core.
 */
async function measureCall(call: ClientCall, rounds: Rounds, quick: boolean): Promise<{ tables: Table[]; targets: Target[] }> {
  const judged = TARGETED(call);
  if (quick && !judged) return { tables: [], targets: [] };
  const pinned = canPin();
  // An unjudged call needs no more than three rounds for its median.
  const results = await throughput(call, judged ? rounds : { ...rounds, rounds: Math.min(rounds.rounds, 3) }, oneCore(), judged ? undefined : UNJUDGED_WAYS);
  const tables = [throughputTable(`**${callName(call)}**${pinned ? ", on one core" : ""}`, results)];
  if (pinned && judged && !quick) tables.push(throughputTable(`**${callName(call)}**, unpinned (for comparison)`, await throughput(call, rounds, {}, UNPINNED_WAYS)));
  // Chromium's fetch is native and about 5 times as slow per request here: fewer calls warm the page's JavaScript in time.
  const inChromium = { ...rounds, warmCalls: 1_500 };
  const browser = judged && !quick ? await chromiumThroughput(call, inChromium, { headers: SENT_HEADERS, apiKey: API_KEY, workspace: WORKSPACE }) : undefined;
  if (browser) tables.push(throughputTable(`**${callName(call)}**, in headless Chromium (the page's own fetch as the baseline)`, browser));
  return { tables, targets: targetsOf(call, results, browser) };
}

export const benchTransport: Benchmark = async ({ quick }) => {
  // A quick run has fewer rounds, each as warm as a full run's: figures from code the JIT has not compiled yet mean nothing.
  const rounds = { rounds: quick ? 2 : 5, ms: quick ? 200 : 400, warmCalls: 2_500 };
  const measured = await measureEachCall((call) => measureCall(call, rounds, quick));
  const pinning = canPin()
    ? `The server and the clients share core ${PINNED_CORE} (\`taskset\`), so each figure is the work a request costs, client and server together: unpinned, on this shared virtual machine, a request handed between cores waits for the other core to wake, and that wait swings a sequential figure by as much as 2× from one run to the next. A few ways are measured again unpinned, for comparison; the targets are judged on one core. `
    : "`taskset` is not available here, so the processes run unpinned, wherever the system puts them. ";
  return {
    title: "Over loopback HTTP",
    intro:
      "Each call of the client, and the same request sent every other way, to a local `node:http` server in its own process that answers with the spec's example customer. " +
      `Requests per second (the answer read as JSON each time), one at a time and with 16 in flight, ${rounds.ms} ms each, over ${rounds.rounds} alternating rounds (customers.retrieve, unjudged: ${Math.min(rounds.rounds, 3)}). ` +
      `Every sample comes from a fresh Node process that sends one way only, the package as \`npm run build:package\` makes it, warmed by ${rounds.ms / 2} ms with 16 in flight, then ${formatNumber(rounds.warmCalls)} calls one at a time (right after 16 in flight, a lone call runs slow for some 300 ms): ways sharing a process share node:http's and undici's compiled code and one another's garbage, and the global fetch runs undici's JavaScript, which the JIT takes a few thousand calls to compile. A process loads only the library its way sends through: importing the undici package makes its own Agent the dispatcher of Node's global fetch, which would then no longer be the fetch a Node program gets. ` +
      pinning +
      "All send the same headers (and body, serialized from the object on each call, as every client does, for a call that has one) over keep-alive connections (axios through Node's global agent, which keeps connections alive since Node 19).",
    tables: measured.tables,
    notes: [
      "The throughput targets are judged on customers.update, the PATCH the issues set them for. customers.retrieve is reported unjudged, for the ways that explain its figures: a GET has no body, and without one the global fetch is at its fastest, so the same ratios are smaller for every way of sending (node:http alone included).",
      ...(quick ? ["This quick run measures customers.update alone, on one core, in Node."] : []),
      "The browser path is measured twice. In Node, through the fetch entry (what Deno, Bun and runtimes without an entry of their own get), which loads the light Request and Response classes in the background there. And in headless Chromium, unpinned, through the browser entry (what a bundler for browsers picks: the same client with the browser's own, native classes), where a page served from the benchmark server's own origin sends the same call (no CORS preflight), each way warmed by 1,500 calls, in the same rounds. Chromium allows 6 connections per host, so 16 in flight share them there.",
    ],
    targets: measured.targets,
  };
};

// `npm run bench:transport` runs this file alone: it prints the section and leaves BENCHMARKS.md alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(renderSection(await benchTransport({ quick: process.env.BENCH_QUICK === "1" }).finally(removeWorkspace)));
}

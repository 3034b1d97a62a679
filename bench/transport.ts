/**
 * Over loopback: requests per second of each call of the client (`CLIENT_CALLS`) and of every
 * other way of sending the same request, sequentially and with 16 in flight, against a local node:http server in its own
 * process. The clients run in a fresh Node process of their own, the package as built.
 */
import { runChild } from "./lib/child-process.ts";
import { startLoopbackServer } from "./lib/loopback-server.ts";
import { figure, ratio, renderSection, type Benchmark, type Table, type Target } from "./lib/report.ts";
import { callName, measureEachCall, type ClientCall } from "./lib/spec-fixtures.ts";
import type { Summary } from "./lib/stats.ts";
import { removeWorkspace, workspace } from "./lib/workspace.ts";

const BASELINE = "global fetch";
const WITH_SIGNAL = "global fetch, a fresh AbortSignal per request";
const LIMIT = "node:http keep-alive, no client";
const NODE_CLIENT = /^@piriod\/api in Node/;
const FETCH_ENTRY = /^@piriod\/api fetch entry/;
const MODES = [
  ["1", "sequential"],
  ["16", "16 in flight"],
] as const;

/** One call sent every way: its table, and the targets it meets or misses. */
async function measureCall(call: ClientCall, rounds: number, ms: number): Promise<{ table: Table; targets: Target[] }> {
  const server = await startLoopbackServer(call);
  let results: Record<string, Summary>;
  try {
    const { packageDir } = await workspace();
    results = await runChild("throughput", { baseUrl: server.baseUrl, call, packageDir, rounds, ms });
  } finally {
    server.stop();
  }
  const ways = [...new Set(Object.keys(results).map((key) => key.split("\t")[0]!))];
  const at = (way: string, inFlight: string) => results[`${way}\t${inFlight}`]!;
  const times = (way: string, inFlight: string) => at(way, inFlight).median / at(BASELINE, inFlight).median;
  const rows = ways.map((way) => [way, ...MODES.flatMap(([inFlight]) => [figure(at(way, inFlight)), ratio(at(way, inFlight).median, at(BASELINE, inFlight).median)])]);

  // Why a target can be missed: what the transport alone reaches, and what a timeout's signal costs fetch itself.
  const why = (way: string, inFlight: string) =>
    NODE_CLIENT.test(way)
      ? `node:http with no client at all reaches ${times(LIMIT, inFlight).toFixed(2)}× here, and the client runs at ${(at(way, inFlight).median / at(LIMIT, inFlight).median).toFixed(2)} of that`
      : `the global fetch itself, given the fresh AbortSignal per attempt that timeouts need, runs at ${times(WITH_SIGNAL, inFlight).toFixed(2)}×; openapi-fetch and the client's layers cost the rest (see Client cost)`;
  const targets: Target[] = ways.flatMap((way) => {
    const least = NODE_CLIENT.test(way) ? 2.5 : FETCH_ENTRY.test(way) ? 0.95 : undefined;
    if (least === undefined) return [];
    return MODES.map(([inFlight, mode]) => {
      const measured = times(way, inFlight);
      return { what: `${callName(call)}: ${way}, ${mode}`, target: `≥ ${least}× global fetch`, measured: `${measured.toFixed(2)}×`, met: measured >= least, why: why(way, inFlight) };
    });
  });
  const headers = ["way of sending", "sequential (req/s)", "× global fetch", "16 in flight (req/s)", "× global fetch"];
  return { table: { caption: `**${callName(call)}**`, headers, rows }, targets };
}

export const benchTransport: Benchmark = async ({ quick }) => {
  const rounds = quick ? 3 : 7;
  const ms = quick ? 200 : 500;
  const { tables, targets } = await measureEachCall((call) => measureCall(call, rounds, ms));
  return {
    title: "Over loopback HTTP",
    intro:
      "Each call of the client, and the same request sent every other way, to a local `node:http` server in its own process that answers with the spec's example customer. " +
      `Requests per second (the answer read as JSON each time), one at a time and with 16 in flight, over ${rounds} alternating rounds of ${ms} ms after a warm-up; the clients run in a fresh Node process, the package as \`npm run build:package\` makes it. ` +
      "All send the same headers (and body, for a call that has one) over keep-alive connections (axios through Node's global agent, which keeps connections alive since Node 19).",
    tables,
    notes: [
      "The fetch entry is what browsers, Deno, Bun and workers get; measured here in Node, where it loads the light Request and Response classes in the background (a browser's own classes are native and need no stand-in).",
    ],
    targets,
  };
};

// `npm run bench:transport` runs this file alone: it prints the section and leaves BENCHMARKS.md alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(renderSection(await benchTransport({ quick: process.env.BENCH_QUICK === "1" }).finally(removeWorkspace)));
}

/**
 * What the client costs in process when a caller injects `fetch`, in microseconds per call,
 * beside a direct `fetch` call and openapi-fetch alone, all given the same `fetch` that answers at
 * once. Information only: no target is set on it.
 */
import { runChild } from "./lib/child-process.ts";
import { canPin, oneCore } from "./lib/cpu-pinning.ts";
import { defined } from "./lib/defined.ts";
import { type Benchmark, figure, formatNumber, signed, type Table } from "./lib/report.ts";
import { CLIENT_CALLS, callName } from "./lib/spec-fixtures.ts";
import type { Summary } from "./lib/stats.ts";

/** Calls between two turns of the event loop: see sequentialCallsPerSecond. */
const CALLS_PER_TURN = 20;

export const benchClientCost: Benchmark = async ({ quick }) => {
  const rounds = quick ? 3 : 9;
  const ms = quick ? 200 : 400;
  const tables: Table[] = [];
  let peakHeapMB = 0;
  for (const call of CLIENT_CALLS) {
    const input = { baseUrl: "https://api.piriod.com", call, rounds, ms, callsPerTurn: CALLS_PER_TURN };
    const measured = await runChild<{ summaries: Record<string, Summary>; peakHeapMB: number }>(
      "client-cost",
      input,
      oneCore(),
    );
    const base = defined(measured.summaries["openapi-fetch alone"], "the times of openapi-fetch alone").median;
    const rows = Object.entries(measured.summaries).map(([name, summary]) => [
      name,
      figure(summary, 1),
      signed(summary.median - base),
    ]);
    tables.push({
      caption: `**${callName(call)}**`,
      headers: ["contender", "µs per call", "vs openapi-fetch alone (µs)"],
      rows,
    });
    peakHeapMB = Math.max(peakHeapMB, measured.peakHeapMB);
  }
  return {
    title: "Client cost in process, with an injected fetch",
    intro:
      "Microseconds per call when the caller's `fetch` (the `fetch` option, as tests and mocks pass it) answers at once with the spec's example customer, a fresh standard `Response` each time: the cost of each layer without any network. " +
      `One call at a time, with a turn of the event loop every ${CALLS_PER_TURN} calls (as an application's calls get while they wait on I/O), ${rounds} alternating rounds of ${ms} ms after a warm-up, in a fresh Node process${canPin() ? " kept on one core" : ""}, importing \`@piriod/api\` as built. ` +
      "openapi-fetch alone builds a standard `Request` per call; the client builds the standard `Request` a caller's `fetch` is promised, with a fresh AbortSignal per attempt for its timeout, and reads the whole body within the attempt. " +
      "No target is set on this table: in Node it measures mostly what a standard `Request` and `AbortSignal` cost, which only the injected-fetch path pays: the client's own transport in Node hands its attempt's signal to `node:http` and builds no `Request` (see Speed in Node).",
    tables,
    notes: [
      "undici links a Request's signal to it through a WeakRef and a FinalizationRegistry, whose targets V8 releases only between tasks: the turns of the event loop let that happen as the calls go, as it does in an application. " +
        `The heap of these processes peaked at ${formatNumber(peakHeapMB)} MB; without the turns it grows past 1 GB and its major collections fall in whichever round runs next.`,
    ],
  };
};

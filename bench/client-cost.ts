/**
 * What the client costs in process, in microseconds per call, beside a direct `fetch` call and
 * openapi-fetch alone, all given the same `fetch` that answers at once.
 */
import { runChild } from "./lib/child-process.ts";
import { canPin, oneCore } from "./lib/cpu-pinning.ts";
import { figure, formatNumber, signed, type Benchmark, type Table, type Target } from "./lib/report.ts";
import { callName, measureEachCall, type ClientCall } from "./lib/spec-fixtures.ts";
import type { Summary } from "./lib/stats.ts";
import { workspace } from "./lib/workspace.ts";

const OPENAPI_FETCH = "openapi-fetch alone";
const WITH_SIGNAL = "openapi-fetch alone, a fresh AbortSignal per call";
/** Calls between two turns of the event loop: see sequentialCallsPerSecond. */
const CALLS_PER_TURN = 20;
/** How many µs more than openapi-fetch alone each of our contenders may cost. */
const ALLOWANCES: Record<string, number> = {
  "@piriod/api, validation off": 3,
  "@piriod/api, request validation on (default)": 5,
};

/** One call's cost per layer: its table, and the targets it meets or misses. */
async function measureCall(call: ClientCall, rounds: number, ms: number): Promise<{ table: Table; targets: Target[]; peakHeapMB: number }> {
  const { packageDir } = await workspace();
  const { summaries: results, peakHeapMB } = await runChild<{ summaries: Record<string, Summary>; peakHeapMB: number }>(
    "client-cost",
    { baseUrl: "https://api.piriod.com", call, packageDir, rounds, ms, callsPerTurn: CALLS_PER_TURN },
    [],
    oneCore(),
  );
  const base = results[OPENAPI_FETCH]!.median;
  const rows = Object.entries(results).map(([name, summary]) => [name, figure(summary, 1), signed(summary.median - base)]);
  const targets: Target[] = Object.entries(ALLOWANCES).map(([name, allowance]) => {
    const extra = results[name]!.median - base;
    const withSignal = results[WITH_SIGNAL]!.median;
    const why =
      `a caller's fetch gets a Request with a fresh AbortSignal per attempt, so that the attempt's timeout can abort it: that alone costs openapi-fetch ${signed(withSignal - base)} µs here, ` +
      `and over openapi-fetch given the same signal the client costs ${signed(results[name]!.median - withSignal)} µs`;
    return { what: `${callName(call)}: ${name}, µs per call over openapi-fetch alone`, target: `≤ +${allowance} µs`, measured: `${signed(extra)} µs`, met: extra <= allowance, why };
  });
  return { table: { caption: `**${callName(call)}**`, headers: ["contender", "µs per call", "vs openapi-fetch alone (µs)"], rows }, targets, peakHeapMB };
}

export const benchClientCost: Benchmark = async ({ quick }) => {
  const rounds = quick ? 3 : 9;
  const ms = quick ? 200 : 400;
  const peaks: number[] = [];
  const { tables, targets } = await measureEachCall(async (call) => {
    const measured = await measureCall(call, rounds, ms);
    peaks.push(measured.peakHeapMB);
    return measured;
  });
  return {
    title: "Client cost in process",
    intro:
      `Microseconds per call of the client (or the same request through openapi-fetch or fetch) when \`fetch\` answers at once with the spec's example customer, a fresh standard \`Response\` each time: the cost of each layer without any network. ` +
      `One call at a time, with a turn of the event loop every ${CALLS_PER_TURN} calls (as an application's calls get while they wait on I/O), ${rounds} alternating rounds of ${ms} ms after a warm-up, in a fresh Node process${canPin() ? " kept on one core" : ""}, the package as built. ` +
      "openapi-fetch alone builds a standard `Request` per call and hands it to that `fetch`; our client builds its light request, then the standard `Request` a caller's `fetch` is promised, and reads the whole body within the attempt (its timeout covers the body).",
    tables,
    notes: [
      "A contender that gives its fetch a standard `Request` with a fresh AbortSignal (openapi-fetch given one, and our client, whose attempt timeout needs one) pays for more than building it: undici links the signal to the request through a WeakRef and a FinalizationRegistry, whose targets V8 releases only between tasks and then frees in major collections. " +
        `The turns of the event loop let that happen as the calls go, as it does in an application; the heap of these processes peaked at ${formatNumber(Math.max(...peaks))} MB. Without them, nothing was released until a round ended, the heap grew past 1 GB, and each major collection fell in whichever round ran next, which spread some contenders' rounds by several hundred per cent.`,
    ],
    targets,
  };
};

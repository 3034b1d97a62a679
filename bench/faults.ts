/**
 * Hostile servers and careless callers: how long each fault takes to become its PiriodError
 * (default options: nothing here waits for a timeout or a retry), and how much memory a process
 * reading a body that never ends reaches under the default maxResponseBytes, through the Node entry
 * and the fetch entry.
 */
import { runChild } from "./lib/child-process.ts";
import { defined } from "./lib/defined.ts";
import { type Benchmark, figure, formatNumber } from "./lib/report.ts";
import { summarize } from "./lib/stats.ts";

const ENTRIES = { "Node entry": [], "fetch entry": ["--conditions=deno"] } as const;

export const benchFaults: Benchmark = async ({ quick }) => {
  const rounds = quick ? 3 : 9;
  const timed: Record<string, { times: Record<string, number[]>; errors: Record<string, string> }> = {};
  const memory: Record<string, { error: string; maxRssMB: number }> = {};
  for (const [entry, conditions] of Object.entries(ENTRIES)) {
    timed[entry] = await runChild("faults", { rounds }, {}, [...conditions]);
    memory[entry] = await runChild("faults", { memory: true }, {}, [...conditions]);
  }
  const [node, fetch] = Object.values(timed) as [(typeof timed)[string], (typeof timed)[string]];
  return {
    title: "Faults",
    intro: `Time from the call to its PiriodError, in ms (median of ${rounds} calls in one fresh process per entry, the servers on 127.0.0.1 in that process, default options), and the error each fault gives.`,
    tables: [
      {
        headers: ["fault", "Node entry (ms)", "error", "fetch entry (ms)", "error"],
        rows: Object.entries(node.times).map(([fault, nodeTimes]) => [
          fault,
          figure(summarize(nodeTimes), 1),
          defined(node.errors[fault], `the Node entry's error for ${fault}`),
          figure(summarize(defined(fetch.times[fault], `the fetch entry's times for ${fault}`)), 1),
          defined(fetch.errors[fault], `the fetch entry's error for ${fault}`),
        ]),
      },
      {
        caption: "A process reading a body that never ends, under the default maxResponseBytes (16 MiB):",
        headers: ["entry", "largest resident memory (MB)", "error"],
        rows: Object.entries(memory).map(([entry, { error, maxRssMB }]) => [entry, formatNumber(maxRssMB, 0), error]),
      },
    ],
    notes: [
      "Without the limit, the same body was read until the attempt's timeout (60 s by default): in one process it reached 5 GB before it was killed.",
    ],
  };
};

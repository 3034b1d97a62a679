/**
 * In-process cost of one call, in microseconds, with a `fetch` that answers at once (no network):
 * what each layer adds on top of the fetch call itself. Contenders alternate within each round;
 * prints the summaries, and the largest heap seen, as JSON.
 */
import { alternatingRounds, sequentialCallsPerSecond } from "../lib/stats.ts";
import { childInput } from "./input.ts";
import { fetchSender, openApiFetchSender, piriodSender, type Target } from "./senders.ts";

interface Input extends Target {
  rounds: number;
  ms: number;
  callsPerTurn: number;
}

const input = childInput<Input>();
const answer = JSON.stringify(input.call.response);
/** Answers every call at once with the example response, as a fresh standard Response. */
const answeringFetch = (async () =>
  new Response(answer, { status: 200, headers: { "content-type": "application/json" } })) as typeof fetch;

const contenders = {
  "a direct fetch call": fetchSender(input, answeringFetch),
  "openapi-fetch alone": openApiFetchSender(input, answeringFetch),
  "openapi-fetch alone, a fresh AbortSignal per call": openApiFetchSender(
    input,
    answeringFetch,
    () => new AbortController().signal,
  ),
  "@piriod/api, validation off": await piriodSender(input, { fetch: answeringFetch, validate: { request: false } }),
  "@piriod/api, default options": await piriodSender(input, { fetch: answeringFetch }),
};

// Warm the JIT before anything is measured.
for (const send of Object.values(contenders)) await sequentialCallsPerSecond(send, input.ms, input.callsPerTurn);
// The largest heap seen after a round's window: what the contenders leave for the collector.
let peakHeap = 0;
const microseconds = Object.fromEntries(
  Object.entries(contenders).map(([name, send]) => [
    name,
    async () => {
      const rate = await sequentialCallsPerSecond(send, input.ms, input.callsPerTurn);
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      return 1e6 / rate;
    },
  ]),
);
const summaries = await alternatingRounds(microseconds, input.rounds);
console.log(JSON.stringify({ summaries, peakHeapMB: peakHeap / 2 ** 20 }));

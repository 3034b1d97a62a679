/**
 * Over loopback in Node: requests per second of `customers.update` through the client beside
 * axios 0.27 (what Piriod's own SDK runs on) and other ways of sending it, sequentially and with
 * 16 in flight, against a local node:http server in its own process. Each sample is a fresh Node
 * process that sends one way, importing `@piriod/api` as built. Measured twice in one run: server
 * and clients on one core (see lib/cpu-pinning.ts), and unpinned; then, for the ways the target
 * judges, under Node 24 (the matrix's, from test/runtimes), the Node most users run.
 */
import { ensureRuntimesInstalled } from "../test/runtimes/lib/install.ts";
import { type Placement, runChild, startLoopbackServer } from "./lib/child-process.ts";
import { canPin, oneCore, PINNED_CORE } from "./lib/cpu-pinning.ts";
import { defined } from "./lib/defined.ts";
import {
  type Benchmark,
  formatNumber,
  MODES,
  type Rates,
  ratesTable,
  type Table,
  type Target,
  times,
} from "./lib/report.ts";
import { CUSTOMERS_UPDATE, callName } from "./lib/spec-fixtures.ts";
import { alternatingSamples, summarize } from "./lib/stats.ts";

const BASELINE = "axios 0.27 (what Piriod's own SDK runs on)";
const CLIENT = "@piriod/api, default options (request validation on)";
const LIMIT = "node:http keep-alive, no client";
/** How many times axios 0.27's rate the client must reach, in every mode and placement. */
const LEAST = 1.2;

interface Rounds {
  rounds: number;
  ms: number;
  /** Sequential calls each process makes before it measures. */
  warmCalls: number;
}

/**
 * Requests per second of each way (every one unless `judged`, then only those the targets and
 * their reasons need), server and clients placed as asked: each sample a fresh process sending one
 * way only, the ways alternating.
 */
async function throughput({ rounds, ms, warmCalls }: Rounds, placement: Placement, judged: boolean): Promise<Rates> {
  const call = CUSTOMERS_UPDATE;
  const ways = judged
    ? [BASELINE, LIMIT, CLIENT]
    : await runChild<string[]>("throughput", { baseUrl: "http://127.0.0.1:1", call });
  const server = await startLoopbackServer(call, placement);
  try {
    const sample = (way: string) => () =>
      runChild<Record<string, number>>("throughput", { baseUrl: server.baseUrl, call, way, ms, warmCalls }, placement);
    const samples = await alternatingSamples(Object.fromEntries(ways.map((way) => [way, sample(way)])), rounds);
    return Object.fromEntries(
      ways.map((way) => [
        way,
        Object.fromEntries(
          MODES.map(([inFlight]) => [
            inFlight,
            summarize(
              defined(samples[way], `the samples of ${way}`).map((rates) =>
                defined(rates[inFlight], `a rate of ${way} with ${inFlight} in flight`),
              ),
            ),
          ]),
        ),
      ]),
    );
  } finally {
    server.stop();
  }
}

const table = (caption: string, rates: Rates) =>
  ratesTable(`**${callName(CUSTOMERS_UPDATE)}**, ${caption}`, rates, BASELINE, "axios 0.27");

function targets(rates: Rates, placement: string, nodeVersion = process.versions.node): Target[] {
  return MODES.map(([inFlight, mode]) => {
    const measured = times(rates, CLIENT, BASELINE, inFlight);
    return {
      what: `Node ${nodeVersion}, ${callName(CUSTOMERS_UPDATE)}, ${mode}, ${placement}: @piriod/api (default options) × axios 0.27, same run`,
      target: `≥ ${LEAST}×`,
      measured: `${measured.toFixed(2)}×`,
      met: measured >= LEAST,
      why: `node:http with no client at all reaches ${times(rates, LIMIT, BASELINE, inFlight).toFixed(2)}× axios 0.27 here, and the client runs at ${times(rates, CLIENT, LIMIT, inFlight).toFixed(2)} of that`,
    };
  });
}

export const benchTransport: Benchmark = async ({ quick }) => {
  // A quick run has fewer ways and rounds, each as warm as a full run's: figures from code the JIT has not compiled yet mean nothing.
  const rounds = { rounds: quick ? 2 : 5, ms: quick ? 200 : 400, warmCalls: 2_500 };
  const tables: Table[] = [];
  const judged: Target[] = [];
  if (canPin()) {
    const pinned = await throughput(rounds, oneCore(), quick);
    tables.push(table(`server and clients pinned to core ${PINNED_CORE}`, pinned));
    judged.push(...targets(pinned, "pinned to one core"));
  }
  const unpinned = await throughput(rounds, {}, quick);
  tables.push(table("unpinned", unpinned));
  judged.push(...targets(unpinned, "unpinned"));
  ensureRuntimesInstalled();
  // Imported once installed: it reads the runtimes' versions as it loads.
  const node24 = (await import("../test/runtimes/lib/runtimes.ts")).node(24);
  const onNode24 = await throughput(rounds, { ...oneCore(), node: node24.binary }, true);
  const where24 = canPin() ? "pinned to one core" : "unpinned";
  tables.push(table(`server and clients under ${node24.name}, ${where24}`, onNode24));
  judged.push(...targets(onNode24, where24, node24.version));
  return {
    title: "Speed in Node",
    intro:
      '`customers.update` through the client (`import "@piriod/api"`, the Node entry with its keep-alive `node:http` transport), and the same request sent every other way, to a local `node:http` server in its own process that answers with the spec\'s example customer. ' +
      `Requests per second (the answer read as JSON each time), one at a time and with 16 in flight, ${rounds.ms} ms each, over ${rounds.rounds} alternating rounds. ` +
      `These run under this process's Node ${process.versions.node}; the ways the target judges run again with server and clients under Node ${node24.version} (test/runtimes' binary), each against axios 0.27 in the same run. ` +
      `Every sample comes from a fresh Node process that sends one way only, warmed by ${rounds.ms / 2} ms with 16 in flight, then ${formatNumber(rounds.warmCalls)} calls one at a time: ways sharing a process would share node:http's compiled code and one another's garbage. ` +
      "All send the same headers and body (serialized from the object on each call, as every client does) over keep-alive connections (axios through Node's global agent, which keeps connections alive since Node 19). " +
      (canPin()
        ? `Pinned, the server and the clients share core ${PINNED_CORE} (\`taskset\`), so a figure is the work a request costs, client and server together. Unpinned, on this shared virtual machine, a request handed between cores waits for the other core to wake, and that wait swings a sequential figure by as much as 2× from one run to the next. The target is judged both ways.`
        : "`taskset` is not available here, so the processes run unpinned only."),
    tables,
    targets: judged,
  };
};

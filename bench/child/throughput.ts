/**
 * Requests per second over loopback to the benchmark server, for every way of sending the call,
 * sequentially and with 16 in flight. Ways alternate within each round; prints the summaries as JSON.
 */
// A CommonJS package: Node hands its module.exports as the default, which axios 0.27 also exposes as `default`.
import axios027 from "axios-0.27";
import axios from "axios";
import { Pool } from "undici";
import { alternatingRounds, callsPerSecond } from "../lib/stats.ts";
import { packageEntries } from "./entries.ts";
import { axiosSender, fetchSender, freshSignal, nodeHttpSender, openApiFetchSender, piriodSender, undiciSender, type Send, type Target } from "./senders.ts";

interface Input extends Target {
  packageDir: string;
  rounds: number;
  ms: number;
  /** Only these ways of sending (all when absent). */
  ways?: string[];
}

const input = JSON.parse(process.argv[2]!) as Input;
const { node, fetch: fetchEntry } = await packageEntries(input.packageDir);

const ALL_WAYS: Record<string, Send> = {
  "global fetch": fetchSender(input),
  "global fetch, a fresh AbortSignal per request": fetchSender(input, globalThis.fetch, freshSignal),
  "openapi-fetch 0.17 alone (default Request, global fetch)": openApiFetchSender(input),
  "axios 0.27 (what Piriod's own SDK runs on)": axiosSender(axios027.default, input),
  [`axios ${axios.VERSION}`]: axiosSender(axios, input),
  "undici 7 Pool.request (the practical limit)": undiciSender(new Pool(input.baseUrl) as never, input),
  "node:http keep-alive, no client": nodeHttpSender(input),
  "@piriod/api in Node, validation off": piriodSender(node, input, { validate: { request: false } }),
  "@piriod/api in Node, request validation on (default)": piriodSender(node, input),
  "@piriod/api fetch entry (browser path), default options": piriodSender(fetchEntry, input),
};
const WAYS = input.ways ? Object.fromEntries(input.ways.map((way) => [way, wayNamed(way)])) : ALL_WAYS;

function wayNamed(way: string): Send {
  const send = ALL_WAYS[way];
  if (!send) throw new Error(`no way of sending is named ${JSON.stringify(way)}`);
  return send;
}

const IN_FLIGHT = [1, 16];
// Warm connections, caches and the JIT before anything is measured.
for (const send of Object.values(WAYS)) for (let index = 0; index < 200; index++) await send();

const contenders = Object.fromEntries(
  Object.entries(WAYS).flatMap(([name, send]) => IN_FLIGHT.map((inFlight) => [`${name}\t${inFlight}`, () => callsPerSecond(send, inFlight, input.ms)])),
);
console.log(JSON.stringify(await alternatingRounds(contenders, input.rounds)));
// The pools' idle connections would keep the process waiting on the server's keep-alive timeout.
process.exit(0);

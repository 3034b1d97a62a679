/**
 * Requests per second over loopback to the benchmark server for one way of sending the call,
 * sequentially and with 16 in flight, in a process of its own: ways sharing a process would
 * share node:http's and undici's compiled code and one another's garbage. Prints
 * `{ "1": rate, "16": rate }` as JSON; asked for no way, prints the names of them all.
 */
import { callsPerSecond } from "../lib/stats.ts";
import { packageEntries } from "./entries.ts";
import { axiosSender, fetchSender, freshSignal, nodeHttpSender, openApiFetchSender, piriodSender, undiciSender, type Send, type Target } from "./senders.ts";

interface Input extends Target {
  packageDir: string;
  way?: string;
  ms: number;
  /** Sequential calls before anything is measured (after `ms / 2` with 16 in flight). */
  warmCalls: number;
}

const IN_FLIGHT = [1, 16];

// Each library is imported only by the way that sends through it, so that every other way runs in
// a process without it. Importing undici, above all, installs its own Agent as the dispatcher of
// Node's global fetch (lib/global.js), which would then no longer be the fetch Node users get.
const axiosVersion = ((await import("axios/package.json", { with: { type: "json" } })) as { default: { version: string } }).default.version;

const UNDICI_POOL = "undici 7 Pool.request (the practical limit)";
/** Where the undici package, and only it (Node's own copy keeps to version 1), puts the global dispatcher. */
const UNDICI_PACKAGE_DISPATCHER = Symbol.for("undici.globalDispatcher.2");

/** Every way of sending, by the name the tables give it; each made only when asked for. */
const WAYS: Record<string, (input: Input) => Send | Promise<Send>> = {
  "global fetch": (input) => fetchSender(input),
  "global fetch, a fresh AbortSignal per request": (input) => fetchSender(input, globalThis.fetch, freshSignal),
  "openapi-fetch 0.17 alone (default Request, global fetch)": (input) => openApiFetchSender(input),
  // A CommonJS package: Node hands its module.exports as the default, which axios 0.27 also exposes as `default`.
  "axios 0.27 (what Piriod's own SDK runs on)": async (input) => axiosSender((await import("axios-0.27")).default.default, input),
  [`axios ${axiosVersion}`]: async (input) => axiosSender((await import("axios")).default, input),
  [UNDICI_POOL]: async (input) => undiciSender(new (await import("undici")).Pool(input.baseUrl) as never, input),
  "node:http keep-alive, no client": (input) => nodeHttpSender(input),
  "@piriod/api in Node, validation off": async (input) => piriodSender((await packageEntries(input.packageDir)).node, input, { validate: { request: false } }),
  "@piriod/api in Node, request validation on (default)": async (input) => piriodSender((await packageEntries(input.packageDir)).node, input),
  "@piriod/api fetch entry (browser path), default options": async (input) => piriodSender((await packageEntries(input.packageDir)).fetch, input),
};

const input = JSON.parse(process.argv[2]!) as Input;
if (input.way === undefined) {
  console.log(JSON.stringify(Object.keys(WAYS)));
} else {
  const make = WAYS[input.way];
  if (!make) throw new Error(`no way of sending is named ${JSON.stringify(input.way)}`);
  const send = await make(input);
  if (input.way !== UNDICI_POOL && UNDICI_PACKAGE_DISPATCHER in globalThis) throw new Error(`${input.way}: the undici package got loaded, and the global fetch now runs on its dispatcher`);
  // First the connections and the code that 16 calls in flight need, then the calls one at a
  // time: the global fetch runs undici's JavaScript, which the JIT needs a few thousand calls to
  // compile, and right after 16 in flight a lone call runs slow for some 300 ms (node:http alone
  // at 3,500–8,000 req/s, then 18,000), which the calls one at a time leave behind.
  await callsPerSecond(send, 16, input.ms / 2);
  for (let index = 0; index < input.warmCalls; index++) await send();
  const rates: Record<string, number> = {};
  for (const inFlight of IN_FLIGHT) rates[inFlight] = await callsPerSecond(send, inFlight, input.ms);
  console.log(JSON.stringify(rates));
}
// The pools' idle connections would keep the process waiting on the server's keep-alive timeout.
process.exit(0);

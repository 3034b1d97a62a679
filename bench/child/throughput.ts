/**
 * Requests per second over loopback to the benchmark server for one way of sending the call,
 * sequentially and with 16 in flight, in a process of its own: ways sharing a process would
 * share node:http's compiled code and one another's garbage. Prints `{ "1": rate, "16": rate }`
 * as JSON; asked for no way, prints the names of them all.
 */
import { callsPerSecond } from "../lib/stats.ts";
import { childInput } from "./input.ts";
import { axiosSender, fetchSender, nodeHttpSender, piriodSender, type Send, type Target } from "./senders.ts";

interface Input extends Target {
  way?: string;
  ms: number;
  /** Sequential calls before anything is measured (after `ms / 2` with 16 in flight). */
  warmCalls: number;
}

// Each library is imported only by the way that sends through it, so every other way runs in a process without it.
const axiosVersion = (
  (await import("axios/package.json", { with: { type: "json" } })) as { default: { version: string } }
).default.version;

/** Every way of sending, by the name the tables give it; each made only when asked for. */
const WAYS: Record<string, (input: Input) => Send | Promise<Send>> = {
  "global fetch": (input) => fetchSender(input),
  // A CommonJS package: Node hands its module.exports as the default, which axios 0.27 also exposes as `default`.
  "axios 0.27 (what Piriod's own SDK runs on)": async (input) =>
    axiosSender((await import("axios-0.27")).default.default, input),
  [`axios ${axiosVersion}`]: async (input) => axiosSender((await import("axios")).default, input),
  "node:http keep-alive, no client": (input) => nodeHttpSender(input),
  "@piriod/api, validation off": (input) => piriodSender(input, { validate: { request: false } }),
  "@piriod/api, default options (request validation on)": (input) => piriodSender(input),
};

const input = childInput<Input>();
if (input.way === undefined) {
  console.log(JSON.stringify(Object.keys(WAYS)));
} else {
  const make = WAYS[input.way];
  if (!make) throw new Error(`no way of sending is named ${JSON.stringify(input.way)}`);
  const send = await make(input);
  // First the connections and the code that 16 calls in flight need, then the calls one at a
  // time: the global fetch runs undici's JavaScript, which the JIT needs a few thousand calls to
  // compile, and right after 16 in flight a lone call runs slow for some 300 ms, which the calls
  // one at a time leave behind.
  await callsPerSecond(send, 16, input.ms / 2);
  for (let index = 0; index < input.warmCalls; index++) await send();
  const rates: Record<string, number> = {};
  for (const inFlight of [1, 16]) rates[inFlight] = await callsPerSecond(send, inFlight, input.ms);
  console.log(JSON.stringify(rates));
}
// Keep-alive connections would keep the process waiting on the server's keep-alive timeout.
process.exit(0);

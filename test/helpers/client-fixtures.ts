import { operations } from "../../generated/operations.js";
import { createClient } from "../../src/client.js";
import { fetchTransport } from "../../src/fetch-transport.js";
import type { PiriodClient } from "../../src/index.js";
import type { NodeClientOptions } from "../../src/node.js";
import { nodeTransport } from "../../src/node-transport.js";
import { abortableSleep, type Sleep } from "../../src/send.js";
import { defined } from "./defined.ts";
import { chileanCustomer, chileanCustomerUpdate } from "./spec-examples.ts";

/** Long enough that a leak is unmistakable in any text. */
export const API_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
export const WORKSPACE = "acc_01H8XYZ123ABC";
export const CUSTOMER_ID = "cus_01H8XYZ123ABC";
export const body = chileanCustomerUpdate;
export const customer = chileanCustomer;

/** A JSON response, as a server or a mock would send it. */
export function jsonResponse(status: number, payload: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(payload), { status, headers: { "content-type": "application/json", ...headers } });
}

export interface RecordingFetch {
  (request: Request): Promise<Response>;
  /** Every request received, with its body read as text. */
  requests: { request: Request; body: string }[];
}

/**
 * A `fetch` that answers each call with the next of `answers` (the last one repeats): a Response,
 * an Error to throw, or a function of the request.
 */
export function recordingFetch(
  ...answers: (Response | Error | ((request: Request) => Promise<Response>))[]
): RecordingFetch {
  const requests: RecordingFetch["requests"] = [];
  const fetch = async (request: Request) => {
    const answer = defined(answers[Math.min(requests.length, answers.length - 1)], "an answer to give");
    requests.push({ request, body: await request.clone().text() });
    if (answer instanceof Error) throw answer;
    return typeof answer === "function" ? answer(request) : answer.clone();
  };
  return Object.assign(fetch, { requests });
}

export interface RecordingSleep {
  (ms: number, signal: AbortSignal | undefined): Promise<void>;
  /** The waits asked for, in milliseconds. */
  waits: number[];
}

/**
 * Records each retry wait and hands it to `sleep`, by default the client's own sleep shortened to
 * a millisecond (so abort handling is still the client's).
 */
export function recordingSleep(sleep: Sleep = (_ms, signal) => abortableSleep(1, signal)): RecordingSleep {
  const waits: number[] = [];
  const record = (ms: number, signal: AbortSignal | undefined) => {
    waits.push(ms);
    return sleep(ms, signal);
  };
  return Object.assign(record, { waits });
}

/** The client over either transport (the Node entry's own, or the fetch entry's global `fetch`), with fast, recorded retry waits. */
export function transportClient(
  transport: "node" | "fetch",
  options: Partial<NodeClientOptions> = {},
  sleep: RecordingSleep = recordingSleep(),
): PiriodClient & { sleep: RecordingSleep } {
  const client = createClient<PiriodClient>(
    operations,
    { apiKey: API_KEY, workspace: WORKSPACE, ...options },
    ({ baseUrl }) => (transport === "node" ? nodeTransport(new URL(baseUrl).protocol) : fetchTransport()),
    [],
    sleep,
  );
  return Object.assign(client, { sleep });
}

/** The Node client with fast, recorded retry waits; `options` over a valid base. */
export function testClient(
  options: Partial<NodeClientOptions> = {},
  sleep: RecordingSleep = recordingSleep(),
): PiriodClient & { sleep: RecordingSleep } {
  return transportClient("node", options, sleep);
}

/**
 * A middleware that rebuilds every request it is given from that request (`new Request(request,
 * init)`), adding `x-trace: <trace>`, and records what it was given.
 */
export function rebuildingMiddleware(trace: string): {
  seen: Request[];
  onRequest(context: { request: Request }): Request;
} {
  const seen: Request[] = [];
  return {
    seen,
    onRequest: ({ request }) => {
      seen.push(request);
      return new Request(request, { headers: { ...Object.fromEntries(request.headers), "x-trace": trace } });
    },
  };
}

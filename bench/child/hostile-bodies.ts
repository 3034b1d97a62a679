/**
 * In a fresh process, through the package as a consumer imports it: how long the client takes to turn each of the worst bodies of
 * maxResponseBytes (16 MiB) into its error, from an injected `fetch`'s Response to the rejection, beside `JSON.parse` of the same text,
 * alternating within each round, and the engine's `replaceAll` of the key over the text. Prints JSON: times in ms, and the error each body gave.
 */
import { childInput } from "./input.ts";
import { API_KEY, clientMethod, importPackage, WORKSPACE } from "./senders.ts";

const { rounds } = childInput<{ rounds: number }>();
const { createPiriodClient } = await importPackage();

// A little under the default maxResponseBytes (16 MiB), which refuses a larger body before reading it.
const SIZE = 16 * 2 ** 20 - 1_024;
const fill = (unit: string) => unit.repeat(Math.floor(SIZE / unit.length));
const nested = (open: string, inner: string, close: string) => {
  const depth = Math.floor((SIZE - inner.length) / (open.length + close.length));
  return `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
};
const many = (count: number, entry: (index: number) => string) =>
  Array.from({ length: count }, (_, index) => entry(index));

const HTML = { "content-type": "text/html" };
const JSON_TYPE = { "content-type": "application/json" };
const BODIES: Record<string, { status: number; headers: Record<string, string>; text: string }> = {
  "404 page of unclosed tags (`<<<…`)": { status: 404, headers: HTML, text: fill("<") },
  "404 page of unclosed scripts (`<script><script>…`)": { status: 404, headers: HTML, text: fill("<script>") },
  "404 of nested arrays, 8 million deep": { status: 404, headers: JSON_TYPE, text: nested("[", "", "]") },
  "404 of nested objects, the key at the bottom": {
    status: 404,
    headers: JSON_TYPE,
    text: nested('{"a":', JSON.stringify(`Token ${API_KEY}`), "}"),
  },
  "404 of one string, the key every 30 characters": {
    status: 404,
    headers: JSON_TYPE,
    text: JSON.stringify(fill(`Token ${API_KEY}, `)),
  },
  "404 of one object with 930,000 keys": {
    status: 404,
    headers: JSON_TYPE,
    text: `{${many(Math.floor(SIZE / 18), (index) => `"k${index}":${index}`).join(",")}}`,
  },
  "400 of 670,000 field errors": {
    status: 400,
    headers: JSON_TYPE,
    text: `{${many(Math.floor(SIZE / 25), (index) => `"f${index}":["Invalid."]`).join(",")}}`,
  },
  "400 of nested field errors, one at each level": {
    status: 400,
    headers: JSON_TYPE,
    text: nested('{"b":["x"],"a":', "1", "}"),
  },
  "200 page of unclosed tags, as text/html": { status: 200, headers: HTML, text: fill("<") },
};

// Each body is encoded once, as a server has its bytes ready: a Response of the text would encode 16 MiB in the timing.
const client = (text: string, status: number, headers: Record<string, string>) => {
  const bytes = new TextEncoder().encode(text);
  return createPiriodClient({
    apiKey: API_KEY,
    workspace: WORKSPACE,
    maxRetries: 0,
    fetch: async () => new Response(bytes, { status, headers }),
  });
};

type Result = { client: number[]; parse: number[]; replaceAll: number[]; error: string; megabytes: number };
const results: Record<string, Result> = {};
for (const [name, { status, headers, text }] of Object.entries(BODIES)) {
  if (text.length > 16 * 2 ** 20) throw new Error(`${name}: ${text.length} bytes, over maxResponseBytes`);
  const retrieve = clientMethod(client(text, status, headers), "customers", "retrieve");
  const result: Result = { client: [], parse: [], replaceAll: [], error: "", megabytes: text.length / 2 ** 20 };
  // The same bytes as JSON: the body itself, or a body that is not JSON as one JSON string.
  const json = headers === JSON_TYPE ? text : JSON.stringify(text);
  results[name] = result;
  for (let round = 0; round < rounds; round++) {
    let started = performance.now();
    result.error = await retrieve("cus_1").then(
      () => "none",
      (reason: Error) => reason.name,
    );
    result.client.push(performance.now() - started);
    started = performance.now();
    JSON.parse(json);
    result.parse.push(performance.now() - started);
    // The engine's own copy of the text with every key replaced: what no redaction that keeps the body can go below.
    started = performance.now();
    text.replaceAll(API_KEY, "[redacted]");
    result.replaceAll.push(performance.now() - started);
  }
}
console.log(JSON.stringify(results));

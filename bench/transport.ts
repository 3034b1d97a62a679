/**
 * How fast each way of sending `PATCH /customers/{id}/` runs over loopback, sequentially and with
 * 16 requests in flight. The server is a separate Node process, so it does not share the client's
 * event loop. Ways alternate round by round (so drift in the machine hits all alike) and the
 * table shows the median of the rounds, with the ratio to the global `fetch`.
 *
 *   npx tsx bench/transport.ts [--rounds 7] [--ms 500]
 *
 * The client is measured compiled, as it ships: run from source through tsx, every closure it
 * creates per request also gets its name set by a helper call, which costs it about a quarter.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { Agent, request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import createOpenApiClient from "openapi-fetch";
import type { CustomerUpdate, paths } from "../generated/schema.js";
import type * as BrowserEntry from "../src/index.js";
import type * as NodeEntry from "../src/node.js";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "7" }, ms: { type: "string", default: "500" } } });
const ROUNDS = Number(values.rounds);
const RUN_MS = Number(values.ms);

const body: CustomerUpdate = { name: "Comercializadora Andes SpA", address: "Av. Providencia 1234, of. 501", country: "CL", state: 13, email: "facturacion@andes.cl" };
const WORKSPACE = "acc_01H8XYZ123ABC";
const API_KEY = "sk_test_bench";

// The server answers every PATCH with a customer as Piriod returns one.
const SERVER = `
const customer = JSON.stringify({ id: "cus_01H8XYZ123ABC", name: "Comercializadora Andes SpA", address: "Av. Providencia 1234, of. 501",
  country: { id: "CL", name: "Chile" }, state: { id: 13, name: "Región Metropolitana de Santiago" }, email: "facturacion@andes.cl", status: "active" });
const server = require("node:http").createServer((request, response) => {
  request.resume();
  request.on("end", () => { response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(customer) }); response.end(customer); });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
`;

interface Entries {
  node: typeof NodeEntry;
  browser: typeof BrowserEntry;
}

/** Both entry points compiled to plain ESM in a temporary folder (removed by `main`). */
async function compileEntries(outdir: string): Promise<Entries> {
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  await build({
    absWorkingDir: root,
    entryPoints: { node: "src/node.ts", browser: "src/index.ts" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outdir,
    logLevel: "warning",
  });
  const load = (name: string) => import(pathToFileURL(path.join(outdir, `${name}.js`)).href);
  return { node: await load("node"), browser: await load("browser") };
}

type Send = () => Promise<unknown>;

async function main(): Promise<void> {
  const outdir = await mkdtemp(path.join(tmpdir(), "piriod-bench-"));
  const child = spawn(process.execPath, ["-e", SERVER], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve) => child.stdout!.once("data", (chunk) => resolve(String(chunk).trim())));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const ways = contenders(baseUrl, await compileEntries(outdir));
    for (const send of Object.values(ways)) await send(); // warm connections and caches
    const results: Record<string, { sequential: number[]; parallel: number[] }> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, send] of Object.entries(ways)) {
        const result = (results[name] ??= { sequential: [], parallel: [] });
        result.sequential.push(await requestsPerSecond(send, 1));
        result.parallel.push(await requestsPerSecond(send, 16));
      }
    }
    printTable(results);
  } finally {
    child.kill();
    await rm(outdir, { recursive: true, force: true });
  }
}

function contenders(baseUrl: string, { node, browser }: Entries): Record<string, Send> {
  const url = `${baseUrl}/customers/cus_01H8XYZ123ABC/`;
  const headers = { "content-type": "application/json", accept: "application/json", authorization: `Token ${API_KEY}`, "x-simple-workspace": WORKSPACE };
  const openApiFetch = createOpenApiClient<paths>({ baseUrl, headers: { authorization: `Token ${API_KEY}` } });
  const client = (validateRequest: boolean) => node.createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl, validate: { request: validateRequest } });
  const nodeUnvalidated = client(false);
  const nodeValidated = client(true);
  const browserPath = browser.createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl });
  return {
    "global fetch": async () => (await fetch(url, { method: "PATCH", headers, body: JSON.stringify(body) })).json(),
    "openapi-fetch (default)": () =>
      openApiFetch.PATCH("/customers/{id}/", { params: { path: { id: "cus_01H8XYZ123ABC" }, header: { "x-simple-workspace": WORKSPACE } }, body }),
    "@piriod/api node, validation off": () => nodeUnvalidated.customers.update("cus_01H8XYZ123ABC", body),
    "@piriod/api node, validation on": () => nodeValidated.customers.update("cus_01H8XYZ123ABC", body),
    "@piriod/api browser path (fetch)": () => browserPath.customers.update("cus_01H8XYZ123ABC", body),
    "node:http keep-alive, no client (limit)": rawNodeHttp(url, headers),
  };
}

/** The transport alone: what any client over node:http could at best reach on this machine. */
function rawNodeHttp(url: string, headers: Record<string, string>): Send {
  const agent = new Agent({ keepAlive: true });
  return () =>
    new Promise((resolve, reject) => {
      const payload = JSON.stringify(body);
      const request = httpRequest(url, { method: "PATCH", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(payload)) } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
        response.on("error", reject);
      });
      request.on("error", reject);
      request.end(payload);
    });
}

/** Requests completed per second by `inFlight` loops, each sending the next as soon as one returns. */
async function requestsPerSecond(send: Send, inFlight: number): Promise<number> {
  let completed = 0;
  const start = performance.now();
  const deadline = start + RUN_MS;
  const loop = async () => {
    while (performance.now() < deadline) {
      await send();
      completed++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, loop));
  return (completed * 1000) / (performance.now() - start);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function printTable(results: Record<string, { sequential: number[]; parallel: number[] }>): void {
  const baseline = results["global fetch"]!;
  const rows = Object.entries(results).map(([name, result]) => {
    const sequential = median(result.sequential);
    const parallel = median(result.parallel);
    return [name, format(sequential), ratio(sequential, median(baseline.sequential)), format(parallel), ratio(parallel, median(baseline.parallel))];
  });
  const header = ["way of sending", "sequential req/s", "× fetch", "16 in flight req/s", "× fetch"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(" | ")} |`;
  console.log(`Node ${process.version}, ${ROUNDS} alternating rounds of ${RUN_MS} ms, medians`);
  console.log(line(header));
  console.log(`|${widths.map((width, column) => (column === 0 ? "-".repeat(width + 2) : `${"-".repeat(width + 1)}:`)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}

const format = (value: number) => Math.round(value).toLocaleString("en-US");
const ratio = (value: number, base: number) => `${(value / base).toFixed(2)}×`;

await main();

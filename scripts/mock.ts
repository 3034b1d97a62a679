// `npm run mock [-- --port N]`: serves the contract (generated/openapi.json) with Prism on
// 127.0.0.1, so a client can be developed and tested against the spec without Piriod.
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startPrism, type PrismServer } from "./lib/prism-server.ts";

const DEFAULT_PORT = 4010;
const SPEC_FILE = path.join(fileURLToPath(new URL("..", import.meta.url)), "generated", "openapi.json");
const USAGE = `Usage: npm run mock [-- --port N]

Serves the Piriod API contract (generated/openapi.json) as a mock on http://127.0.0.1:N
(default ${DEFAULT_PORT}; 0 takes a free port). Ctrl-C stops it.`;

/** The port asked for on the command line, or why the arguments make no sense. */
function parsePort(args: string[]): { port: number } | { help: true } | { error: string } {
  let port = DEFAULT_PORT;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === "--help" || arg === "-h") return { help: true };
    const value = arg.startsWith("--port=") ? arg.slice(7) : arg === "--port" || arg === "-p" ? args[++index] : undefined;
    if (value === undefined) return { error: arg === "--port" || arg === "-p" ? `${arg} needs a number` : `unknown argument "${arg}"` };
    port = Number(value);
    if (!/^\d+$/.test(value) || port > 65_535) return { error: `the port must be a whole number from 0 to 65535, not "${value}"` };
  }
  return { port };
}

/** Whether the port can be bound on 127.0.0.1: Prism's own complaint is its whole help text. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

function howToUse(url: string): string {
  const body = JSON.stringify({ name: "Comercializadora Andes SpA", address: "Av. Providencia 1234, of. 501", country: "CL", state: 13 });
  return `Mock of the Piriod API listening on ${url}

Point a client at it:
  import { createPiriodClient } from "@piriod/api";
  const piriod = createPiriodClient({ apiKey: "sk_test_mock", workspace: "acc_01H8XYZ123ABC", baseUrl: "${url}" });

Or try it with curl, reading a customer:
  curl ${url}/customers/cus_01H8XYZ123ABC/ \\
    -H 'Authorization: Token sk_test_mock' -H 'x-simple-workspace: acc_01H8XYZ123ABC'

and updating it:
  curl -X PATCH ${url}/customers/cus_01H8XYZ123ABC/ \\
    -H 'Authorization: Token sk_test_mock' -H 'x-simple-workspace: acc_01H8XYZ123ABC' \\
    -H 'Content-Type: application/json' -d '${body}'

It answers with the spec's examples and refuses what the spec refuses (the reasons are in the
sl-violations response header). Ctrl-C stops it.`;
}

async function main(): Promise<number> {
  const parsed = parsePort(process.argv.slice(2));
  if ("help" in parsed) return console.log(USAGE), 0;
  if ("error" in parsed) return console.error(`mock: ${parsed.error}\n\n${USAGE}`), 2;
  if (!existsSync(SPEC_FILE)) return console.error(`mock: ${path.relative(process.cwd(), SPEC_FILE)} is missing: run npm run generate first`), 1;

  if (parsed.port !== 0 && !(await portIsFree(parsed.port))) {
    return console.error(`mock: port ${parsed.port} is already in use on 127.0.0.1; choose another with --port N`), 1;
  }
  let server: PrismServer;
  try {
    server = await startPrism(SPEC_FILE, { port: parsed.port, onOutput: (text) => process.stdout.write(text) });
  } catch (error) {
    return console.error(`mock: could not start on port ${parsed.port}: ${(error as Error).message}`), 1;
  }
  console.log(howToUse(server.url));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the mock…`);
    try {
      await server.stop();
    } catch (error) {
      // Ctrl-C reaches Prism too (same process group): it may be gone before we signal it.
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
    console.log("Stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  // Prism's process is all that keeps this one alive: if the loop empties, Prism died on its own.
  process.on("beforeExit", () => {
    if (stopping) return;
    console.error("mock: the Prism server stopped unexpectedly");
    process.exit(1);
  });
  return 0;
}

main().then(
  (code) => code !== 0 && process.exit(code),
  (error: unknown) => {
    console.error(`mock: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);

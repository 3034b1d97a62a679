import type { PiriodFakeOptions } from "./fake.js";
import type { FakeServer } from "./http-server.js";

const DEFAULT_PORT = 4010;

/** What serves the fake: `createPiriodFake` of the testing entry point, which the command is given. */
export type MakeFake = (options: PiriodFakeOptions) => { listen(port?: number): Promise<FakeServer> };

/**
 * The `piriod-fake` command (and `npm run mock` in the package's own repository): the fake over
 * HTTP on 127.0.0.1, starting from the spec's example objects, until SIGINT or SIGTERM. Returns
 * the exit code for a command that ends at once (help, bad arguments, a port in use).
 */
export async function serveCommand(
  args: readonly string[],
  usage: string,
  createPiriodFake: MakeFake,
): Promise<number | undefined> {
  const help = `Usage: ${usage}

Serves a fake Piriod API on http://127.0.0.1:N (default ${DEFAULT_PORT}; 0 takes a free port): every
operation of the spec, in memory, starting from the spec's example objects. Ctrl-C stops it.`;
  const parsed = parsePort(args);
  if ("help" in parsed) {
    console.log(help);
    return 0;
  }
  if ("error" in parsed) {
    console.error(`piriod-fake: ${parsed.error}\n\n${help}`);
    return 2;
  }

  const fake = createPiriodFake({ examples: true });
  let server: FakeServer;
  try {
    server = await fake.listen(parsed.port);
  } catch (error) {
    const inUse = (error as { code?: string }).code === "EADDRINUSE";
    console.error(
      inUse
        ? `piriod-fake: port ${parsed.port} is already in use on 127.0.0.1; choose another with --port N`
        : `piriod-fake: could not start on port ${parsed.port}: ${(error as Error).message}`,
    );
    return 1;
  }
  console.log(howToUse(server.url));
  const stop = (signal: string) => {
    console.log(`\n${signal}: stopping the fake…`);
    server.close().then(
      () => {
        console.log("Stopped.");
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`piriod-fake: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
  return undefined;
}

/** The port asked for on the command line, or why the arguments make no sense. */
function parsePort(args: readonly string[]): { port: number } | { help: true } | { error: string } {
  let port = DEFAULT_PORT;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--help" || arg === "-h") return { help: true };
    const value = arg.startsWith("--port=")
      ? arg.slice(7)
      : arg === "--port" || arg === "-p"
        ? args[++index]
        : undefined;
    if (value === undefined)
      return { error: arg === "--port" || arg === "-p" ? `${arg} needs a number` : `unknown argument "${arg}"` };
    port = Number(value);
    if (!/^\d+$/.test(value) || port > 65_535)
      return { error: `the port must be a whole number from 0 to 65535, not "${value}"` };
  }
  return { port };
}

function howToUse(url: string): string {
  const headers = `-H 'Authorization: Token sk_test_fake' -H 'x-simple-workspace: acc_01H8XYZ123ABC'`;
  const body = JSON.stringify({
    name: "Comercializadora Andes SpA",
    address: "Av. Providencia 1234, of. 501",
    country: "CL",
    state: 13,
    email: "pagos@andes.cl",
  });
  return `Fake Piriod API listening on ${url}

Point a client at it:
  import { createPiriodClient } from "@piriod/api";
  const piriod = createPiriodClient({ apiKey: "sk_test_fake", workspace: "acc_01H8XYZ123ABC", baseUrl: "${url}" });

Or try it with curl, reading a customer:
  curl ${url}/customers/cus_01H8XYZ123ABC/ \\
    ${headers}

updating it:
  curl -X PATCH ${url}/customers/cus_01H8XYZ123ABC/ \\
    ${headers} \\
    -H 'Content-Type: application/json' -d '${body}'

and listing customers:
  curl '${url}/customers/?page_size=10' \\
    ${headers}

It keeps what you create, update and delete until it stops, apart per workspace and per
x-piriod-test-mode, and refuses a bad body with Piriod's field errors. Ctrl-C stops it.`;
}

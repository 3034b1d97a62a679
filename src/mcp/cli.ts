#!/usr/bin/env node
// `piriod-mcp`: the MCP server over stdio, as the package's bin. See config.ts for its flags and environment.
import type { Logger } from "../node.js";
import { PiriodError } from "../node.js";
import { readConfig, USAGE } from "./config.js";
import { loadSdk } from "./sdk.js";
import { createPiriodMcpServer } from "./server.js";

const say = (line: string) => process.stderr.write(`piriod-mcp: ${line}\n`);
const logger: Logger = { debug: say, info: say, warn: say, error: say };

async function main(): Promise<number | undefined> {
  const read = readConfig(process.argv.slice(2), process.env);
  if ("help" in read) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if ("error" in read) {
    say(`${read.error}\n\n${USAGE}`);
    return 2;
  }
  // From here standard output carries the protocol alone: whatever a dependency logs through console goes to standard error.
  console.log = console.info = console.debug = console.warn = console.error;
  const sdk = await loadSdk();
  let server: ReturnType<typeof createPiriodMcpServer>;
  try {
    server = createPiriodMcpServer(sdk, read.config, logger);
  } catch (error) {
    if (!(error instanceof PiriodError)) throw error;
    say(error.message);
    return 2;
  }
  await server.connect(new sdk.StdioServerTransport());
  const { workspace, live, writes, deletes } = read.config;
  say(
    `serving workspace ${workspace} over stdio, in ${live ? "live" : "test"} mode, ${
      writes || deletes ? `reading${writes ? ", writing" : ""}${deletes ? ", deleting" : ""}` : "read-only"
    }`,
  );
  return undefined;
}

main().then(
  (code) => code !== undefined && process.exit(code),
  (error: unknown) => {
    say((error as Error)?.message ?? String(error));
    process.exit(1);
  },
);

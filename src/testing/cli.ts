#!/usr/bin/env node
// `piriod-fake [options]`: the fake Piriod over HTTP, as the package's bin.
import { createPiriodFake } from "./index.js";
import { serveCommand } from "./serve-command.js";

serveCommand(process.argv.slice(2), "piriod-fake [options]", createPiriodFake).then(
  (code) => code !== undefined && process.exit(code),
  (error: unknown) => {
    console.error(`piriod-fake: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);

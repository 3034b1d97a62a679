// `npm run mock [-- options]`: the fake Piriod of @piriod/api/testing over HTTP on 127.0.0.1, as the
// package's `piriod-fake` bin serves it, run from source. (Prism stays in the tests, as the spec's
// independent judge: test/helpers/prism-mock.ts.)
import { createPiriodFake } from "../src/testing/index.ts";
import { serveCommand } from "../src/testing/serve-command.ts";

serveCommand(process.argv.slice(2), "npm run mock [-- options]", createPiriodFake).then(
  (code) => code !== undefined && process.exit(code),
  (error: unknown) => {
    console.error(`mock: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);

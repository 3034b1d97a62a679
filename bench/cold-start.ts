/**
 * Cold start: what importing the package costs a fresh Node process, and how long its first call
 * takes against a local server.
 */
import { processWallMs, runChild, startLoopbackServer } from "./lib/child-process.ts";
import { defined } from "./lib/defined.ts";
import { type Benchmark, figure, formatNumber, signed } from "./lib/report.ts";
import { CUSTOMERS_UPDATE } from "./lib/spec-fixtures.ts";
import { alternatingRounds, summarize } from "./lib/stats.ts";

const IMPORT_TARGET_MS = 10;
const BARE = "`node -e 0`";
const ESM_LOADER = "`node --input-type=module -e 0` (Node's ESM loader alone)";
/** An ES module that imports `name` and ends, as a consumer's first line does. */
const importing = (name: string) => ["--input-type=module", "-e", `await import(${JSON.stringify(name)})`];

interface FirstCall {
  phases: Record<string, number>;
  loadedAtImport: string[];
  loadedByFirstCall: string[];
}

export const benchColdStart: Benchmark = async ({ quick }) => {
  const rounds = quick ? 7 : 25;
  const processes = await alternatingRounds(
    {
      [BARE]: () => processWallMs(["-e", "0"]),
      [ESM_LOADER]: () => processWallMs(["--input-type=module", "-e", "0"]),
      "import openapi-fetch": () => processWallMs(importing("openapi-fetch")),
      "import @piriod/api": () => processWallMs(importing("@piriod/api")),
    },
    rounds,
  );
  const bare = processes[BARE].median;
  const importCost = processes["import @piriod/api"].median - bare;

  const server = await startLoopbackServer(CUSTOMERS_UPDATE);
  const runs: FirstCall[] = [];
  try {
    for (let round = 0; round < rounds; round++)
      runs.push(await runChild("first-call", { baseUrl: server.baseUrl, call: CUSTOMERS_UPDATE }));
  } finally {
    server.stop();
  }
  const phase = (name: string) => summarize(runs.map((run) => defined(run.phases[name], `the ${name} phase`)));
  const importPhase = phase("import");
  const listed = (names: string[]) =>
    names.length === 0 ? "none" : [...new Set(names)].map((name) => `\`${name}\``).join(", ");

  return {
    title: "Cold start",
    intro:
      `Fresh Node processes in a project that depends on the package as built (wall time from spawn to exit, ${rounds} alternating rounds): the import cost is the difference to a bare \`node -e 0\`. ` +
      "Then, in fresh processes against the loopback server, the time of each phase up to the first completed call (`process start → package imported` counts from Node's own start).",
    tables: [
      {
        headers: ["process", "wall time (ms)", `vs ${BARE} (ms)`],
        rows: Object.entries(processes).map(([name, summary]) => [
          name,
          figure(summary, 1),
          signed(summary.median - bare),
        ]),
      },
      {
        caption: "In a fresh process, importing and calling:",
        headers: ["phase", "ms"],
        rows: Object.keys(defined(runs[0], "a first-call run").phases).map((name) => [name, figure(phase(name), 1)]),
      },
    ],
    notes: [
      `Of Node's HTTP stacks, importing loads ${listed(runs.flatMap((run) => run.loadedAtImport))}; the first call loads ${listed(runs.flatMap((run) => run.loadedByFirstCall))}. No schema is compiled at any point: the validators are precompiled, each imported by the first call that needs it.`,
    ],
    targets: [
      {
        what: "import in a fresh process, less a bare `node -e 0`",
        target: `≤ ${IMPORT_TARGET_MS} ms`,
        measured: `${formatNumber(importCost, 1)} ms`,
        met: importCost <= IMPORT_TARGET_MS,
        why:
          `Node's ESM loader alone costs ${signed(processes[ESM_LOADER].median - bare)} ms here, and inside the process the import itself takes ${formatNumber(importPhase.median, 1)} ms; ` +
          `a bare \`node -e 0\` took ${formatNumber(bare, 1)} ms in this run, and every process runs slower by as much on a loaded machine (see the load average above)`,
      },
    ],
  };
};

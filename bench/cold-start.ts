/**
 * Cold start: what importing the package costs a fresh Node process, what it loads (and does
 * not), and how long the first call takes against a local server.
 */
import { childScript, processWallMs, runChild } from "./lib/child-process.ts";
import { startLoopbackServer } from "./lib/loopback-server.ts";
import { figure, formatNumber, signed, type Benchmark, type Target } from "./lib/report.ts";
import { CUSTOMERS_UPDATE } from "./lib/spec-fixtures.ts";
import { alternatingRounds, summarize, type Summary } from "./lib/stats.ts";

const IMPORT_TARGET_MS = 15;
/**
 * What importing must not load: a validator (a compiled schema), ajv, the Node transport (its own
 * chunk in the package, `node-transport-<hash>.js`) or Node's HTTP stacks.
 */
const HEAVY = /\/generated\/validators\/(?!runtime)|\/ajv\/|\/node-transport[^/]*\.js$|^NativeModule (http|https|internal\/deps\/undici\/undici)$/;

interface Loaded {
  modules: string[];
  builtins: string[];
}

export const benchColdStart: Benchmark = async ({ quick }) => {
  const rounds = quick ? 7 : 15;
  const importer = await childScript("import-package");
  const processes = await alternatingRounds(
    {
      "`node -e 0`": () => processWallMs(["-e", "0"]),
      "`node --input-type=module -e 0` (Node's ESM loader alone)": () => processWallMs(["--input-type=module", "-e", "0"]),
      "import openapi-fetch": () => processWallMs([importer, JSON.stringify({ module: "openapi-fetch" })]),
      "import @piriod/api": () => processWallMs([importer, JSON.stringify({ module: "@piriod/api" })]),
    },
    rounds,
  );
  const bare = processes["`node -e 0`"].median;
  const processRows = Object.entries(processes).map(([name, summary]) => [name, figure(summary, 1), signed(summary.median - bare)]);
  const importCost = processes["import @piriod/api"].median - bare;
  const openApiFetchCost = processes["import openapi-fetch"].median - bare;

  const server = await startLoopbackServer(CUSTOMERS_UPDATE);
  let loaded: { before: Loaded; atImport: Loaded; afterCall: Loaded };
  const firstCalls: Record<string, number>[] = [];
  try {
    const input = { baseUrl: server.baseUrl, call: CUSTOMERS_UPDATE };
    for (let round = 0; round < rounds; round++) firstCalls.push(await runChild("first-call", input));
    loaded = await runChild("loaded-modules", { ...input, hooks: await childScript("load-hooks") });
  } finally {
    server.stop();
  }
  const phases = Object.keys(firstCalls[0]!).map((phase): [string, Summary] => [phase, summarize(firstCalls.map((run) => run[phase]!))]);
  const added = (from: Loaded, to: Loaded) => [...to.modules.filter((url) => !from.modules.includes(url)), ...to.builtins.filter((name) => !from.builtins.includes(name))];
  const shown = (names: string[]) => names.map((name) => name.replace(/^file:\/\/.*\/node_modules\//, "").replace(/^NativeModule /, "node:"));
  const atImport = added(loaded.before, loaded.atImport);
  const heavyAtImport = atImport.filter((name) => HEAVY.test(name));
  const heavyAfterCall = added(loaded.atImport, loaded.afterCall).filter((name) => HEAVY.test(name));
  const packageFiles = atImport.filter((name) => name.includes("/@piriod/api/"));
  const packageModules = packageFiles.length;

  const targets: Target[] = [
    {
      what: "import in a fresh process, less `node -e 0`",
      target: `≤ ${IMPORT_TARGET_MS} ms`,
      measured: `${formatNumber(importCost, 1)} ms`,
      met: importCost <= IMPORT_TARGET_MS,
      why: `importing loads ${packageModules} modules of the package (${shown(packageFiles).join(", ")}) and openapi-fetch, which alone costs ${formatNumber(openApiFetchCost, 1)} ms; Node reads, compiles and links each module on its own`,
    },
    {
      what: "at import: no schema compiled, no heavy transport loaded",
      target: "none of them",
      measured: heavyAtImport.length === 0 ? "none" : shown(heavyAtImport).join(", "),
      met: heavyAtImport.length === 0,
    },
  ];
  return {
    title: "Cold start",
    intro:
      `Fresh Node processes in a project that depends on the package as built (wall time from spawn to exit, ${rounds} alternating rounds): the import cost is the difference to a bare \`node -e 0\`. ` +
      "Then, in fresh processes against the loopback server, the time of each phase up to the first completed call (`process start → package imported` counts from Node's own start).",
    tables: [
      { headers: ["process", "wall time (ms)", "vs `node -e 0` (ms)"], rows: processRows },
      { caption: "In a fresh process, importing and calling:", headers: ["phase", "ms"], rows: phases.map(([phase, summary]) => [phase, figure(summary, 1)]) },
    ],
    notes: [
      `Importing \`@piriod/api\` loads ${atImport.length} modules (${packageModules} of the package, the rest openapi-fetch and Node built-ins); of what must wait for the first call (validators, ajv, the Node transport, \`node:http\`, \`node:https\`, the fetch globals' undici) it loads ${heavyAtImport.length === 0 ? "none" : shown(heavyAtImport).join(", ")}. No schema is compiled at any point: the validators are precompiled, and ajv is not loaded.`,
      `The first call loads ${shown(heavyAfterCall).join(", ") || "nothing heavy"}; the request validator starts loading when the client is made, beside the call's own work.`,
    ],
    targets,
  };
};

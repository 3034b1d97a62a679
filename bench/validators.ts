/**
 * The generated validators beside ajv compiling the same schemas at run time, on each schema's
 * example from the spec and on the example with faults.
 */
import * as generated from "../generated/validators.js";
import type { Contender } from "./child/validator-speed.ts";
import { runChild } from "./lib/child-process.ts";
import { canPin, oneCore } from "./lib/cpu-pinning.ts";
import { figure, formatNumber, ratio, type Benchmark, type Target } from "./lib/report.ts";
import { compileAtRunTime } from "./lib/runtime-ajv.ts";
import { schemaExamples, spec, withFaults } from "./lib/spec-fixtures.ts";
import { alternatingRounds, relativeSpread, summarize } from "./lib/stats.ts";
import { workspace } from "./lib/workspace.ts";

type Generated = (data: unknown) => { ok: boolean };
const CONTENDERS: Contender[] = ["generated", "ajv, same result", "ajv, raw"];

/** Milliseconds for a fresh ajv to compile one schema: what validating at run time costs before its first call. */
function compileMs(schema: string, rounds: number) {
  return summarize(
    Array.from({ length: rounds }, () => {
      const started = performance.now();
      compileAtRunTime(spec, schema);
      return performance.now() - started;
    }),
  );
}

export const benchValidators: Benchmark = async ({ quick }) => {
  const ms = quick ? 150 : 300;
  const rounds = quick ? 3 : 7;
  const { packageDir } = await workspace();
  const rows: string[][] = [];
  const targets: Target[] = [];
  const compiles: string[] = [];
  for (const { schema, example } of schemaExamples) {
    const ours = (generated as Record<string, Generated>)[`validate${schema}`];
    if (!ours) continue;
    const raw = compileAtRunTime(spec, schema);
    for (const [verdict, payload] of [
      ["valid", example],
      ["with faults", withFaults(example)],
    ] as const) {
      if (ours(payload).ok !== (verdict === "valid") || raw(payload) !== (verdict === "valid")) throw new Error(`the ${verdict} ${schema} payload is not ${verdict}`);
      const sample = (contender: Contender) => () => runChild<number>("validator-speed", { packageDir, schema, payload, contender, ms }, [], oneCore());
      const result = await alternatingRounds(Object.fromEntries(CONTENDERS.map((contender) => [contender, sample(contender)])) as Record<Contender, () => Promise<number>>, rounds);
      const { generated: mine, "ajv, same result": same, "ajv, raw": bare } = result;
      rows.push([`\`validate${schema}\``, verdict, figure(mine), figure(same), figure(bare), ratio(mine.median, same.median), ratio(mine.median, bare.median)]);
      // Judged against ajv giving the same result; the raw column shows what the mapping itself costs.
      const times = mine.median / same.median;
      // Within the rounds' spread counts as as fast: both run the same ajv code. A ratio of two
      // medians, each off by up to its own spread, is off by up to the sum of the two.
      const noise = relativeSpread(mine) + relativeSpread(same);
      targets.push({
        what: `\`validate${schema}\`, ${verdict}: payloads/s vs ajv at run time giving the same result`,
        target: "≥ ajv's own",
        measured: `${times.toFixed(2)}× (rounds spread ±${formatNumber(noise * 100, 1)}%)`,
        met: times >= 1 - noise,
        why: `slower than ajv beyond the spread of the rounds (±${formatNumber(noise * 100, 1)}%)`,
      });
    }
    compiles.push(`\`${schema}\` ${figure(compileMs(schema, rounds), 1)} ms`);
  }
  return {
    title: "Validators",
    intro:
      "Payloads per second, on each schema's example from the spec and on that example with faults (three fields of the wrong type, one unknown field). " +
      "**generated**: `validateCustomerUpdate` / `validateCustomer` from `@piriod/api/validators` as built, ajv's standalone code compiled at build time, returning `{ ok, value }` or `{ ok: false, errors }` with JSON Pointer paths and messages. " +
      "**ajv, same result**: ajv (same options: 2020-12, `allErrors`, ajv-formats) compiling the same schema at run time, its errors mapped to that same result by the same function. " +
      "**ajv, raw**: that ajv function alone, a boolean with ajv's error objects left on it (what a caller would still have to turn into messages). " +
      `Each sample runs in a fresh process${canPin() ? " kept on one core" : ""} (${ms} ms after as long a warm-up), since contenders sharing a process share what the JIT learns from the same code; ${rounds} alternating rounds.`,
    tables: [
      {
        headers: ["validator", "payload", "generated (ops/s)", "ajv, same result (ops/s)", "ajv, raw (ops/s)", "generated ÷ same result", "generated ÷ raw"],
        rows,
      },
    ],
    notes: [`Compiling at run time, what the generated validators spare a process before its first call (a fresh ajv each round): ${compiles.join("; ")}.`],
    targets,
  };
};

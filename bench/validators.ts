/**
 * The generated validators beside ajv compiling the same schemas at run time, on each schema's
 * example from the spec and on the example with faults. Information only: no target is set on it.
 */
import type { Contender } from "./child/validator-speed.ts";
import { runChild } from "./lib/child-process.ts";
import { canPin, oneCore } from "./lib/cpu-pinning.ts";
import { type Benchmark, figure, ratio } from "./lib/report.ts";
import { compileAtRunTime } from "./lib/runtime-ajv.ts";
import { schemaExamples, spec, withFaults } from "./lib/spec-fixtures.ts";
import { alternatingRounds, summarize } from "./lib/stats.ts";

const CONTENDERS: Contender[] = ["generated", "ajv at run time"];

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
  const rows: string[][] = [];
  const compiles: string[] = [];
  for (const { schema, example } of schemaExamples) {
    for (const [verdict, payload] of [
      ["valid", example],
      ["with faults", withFaults(example)],
    ] as const) {
      const input = { schema, payload, valid: verdict === "valid", ms };
      const sample = (contender: Contender) => () =>
        runChild<number>("validator-speed", { ...input, contender }, oneCore());
      const result = await alternatingRounds(
        Object.fromEntries(CONTENDERS.map((contender) => [contender, sample(contender)])) as Record<
          Contender,
          () => Promise<number>
        >,
        rounds,
      );
      const { generated, "ajv at run time": ajv } = result;
      rows.push([
        `\`validate${schema}\``,
        verdict,
        figure(generated),
        figure(ajv),
        ratio(generated.median, ajv.median),
      ]);
    }
    compiles.push(`\`${schema}\` ${figure(compileMs(schema, rounds), 1)} ms`);
  }
  return {
    title: "Validators",
    intro:
      "Payloads per second, on each schema's example from the spec and on that example with faults (three fields of the wrong type, one unknown field). " +
      "**generated**: `validateCustomerUpdate` / `validateCustomer` from `@piriod/api/validators` as built, ajv's standalone code compiled at build time, returning `{ ok, value }` or `{ ok: false, errors }` with JSON Pointer paths and messages. " +
      "**ajv at run time**: ajv (same options: 2020-12, `allErrors`, ajv-formats) compiling the same schema from `@piriod/api/openapi.json` at run time, a boolean with ajv's error objects left on it (what a caller would still have to turn into messages: with faults, the generated validators' lower rate is that work). " +
      `Each sample runs in a fresh process${canPin() ? " kept on one core" : ""} (${ms} ms after as long a warm-up), since contenders sharing a process share what the JIT learns from the same code; ${rounds} alternating rounds.`,
    tables: [
      { headers: ["validator", "payload", "generated (ops/s)", "ajv at run time (ops/s)", "generated ÷ ajv"], rows },
    ],
    notes: [
      `Compiling at run time, what the generated validators spare a process before its first call (a fresh ajv each round): ${compiles.join("; ")}.`,
    ],
  };
};

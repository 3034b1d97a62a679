/**
 * The pipeline: `npm run generate` on our spec, and how generating grows with the spec, on
 * synthetic specs of copies of the customers path. Information only: no target is set on it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { defined } from "./lib/defined.ts";
import { type GenerateRun, generateIn } from "./lib/generate-run.ts";
import { type Benchmark, figure, formatNumber, ratio } from "./lib/report.ts";
import { summarize } from "./lib/stats.ts";
import { writeSyntheticSpec } from "./lib/synthetic-spec.ts";
import { copyProject } from "./lib/workspace.ts";

/** `rounds` runs of the pipeline, each in a fresh copy of the project with a spec of `copies` copies of the customers path. */
async function generateRounds(scratch: string, copies: number, rounds: number, viaNpm = false): Promise<GenerateRun[]> {
  const runs: GenerateRun[] = [];
  for (let round = 0; round < rounds; round++) {
    const dir = path.join(scratch, `copies-${copies}-${round}`);
    await copyProject(dir);
    await writeSyntheticSpec(dir, copies);
    runs.push(await generateIn(dir, { viaNpm }));
    await rm(dir, { recursive: true, force: true });
  }
  return runs;
}

export const benchPipeline: Benchmark = async ({ quick }) => {
  const rounds = quick ? 1 : 3;
  const scratch = await mkdtemp(path.join(tmpdir(), "piriod-bench-pipeline-"));
  try {
    // `npm run generate` as a user runs it, on a copy of the project whose spec is ours (one copy).
    const generate = summarize((await generateRounds(scratch, 1, rounds, true)).map((run) => run.wallMs));
    const sizes = quick ? [1, 10] : [1, 10, 100];
    const growth = [];
    for (const copies of sizes) growth.push({ copies, runs: await generateRounds(scratch, copies, rounds) });
    const first = defined(growth[0], "the runs of one copy");
    const steps = Object.keys(defined(first.runs[0], "a run of one copy").steps);
    const stepMs = (runs: GenerateRun[], step: string) =>
      summarize(runs.map((run) => defined(run.steps[step], `the ${step} step's time`)));
    // The ratio counts the steps alone: Node's and tsx's fixed start would flatter it.
    const stepsTotal = (runs: GenerateRun[]) => steps.reduce((total, step) => total + stepMs(runs, step).median, 0);
    const rows = growth.map(({ copies, runs }) => [
      String(copies),
      String(copies * 2),
      figure(summarize(runs.map((run) => run.wallMs))),
      ...steps.map((step) => figure(stepMs(runs, step))),
      figure(summarize(runs.map((run) => run.peakMemoryMb))),
      ratio(stepsTotal(runs), stepsTotal(first.runs)),
    ]);
    const largest = defined(growth.at(-1), "the runs of the most copies");
    const byTime = steps.map((step) => [step, stepMs(largest.runs, step).median] as const).sort((a, b) => b[1] - a[1]);
    const dominant = defined(byTime[0], "a step of the pipeline");
    return {
      title: "The pipeline",
      intro:
        `\`npm run generate\` on a copy of the project (npm, then lint, bundle, types, validators, operations and write; ${rounds} rounds): **${figure(generate)} ms**.\n\n` +
        "Growth: synthetic specs of N copies of the customers path, each copy with its own seven schemas and its own two client methods (`customers7.retrieve`, `customers7.update`), the first copy being our spec, through the whole of `scripts/generate.ts` in a fresh copy of the project each round. " +
        "The step times are what the pipeline prints for each step; the total adds Node's and tsx's start. Peak memory is the largest resident set of any process, Redocly's included.",
      tables: [
        {
          headers: [
            "copies",
            "operations",
            "total (ms)",
            ...steps.map((step) => `${step} (ms)`),
            "peak memory (MB)",
            "steps ÷ steps at 1 copy",
          ],
          rows,
        },
      ],
      notes: [
        `At ${largest.copies} copies the ${dominant[0]} step takes longest (${formatNumber(dominant[1])} ms of ${formatNumber(stepsTotal(largest.runs))} ms of steps).`,
      ],
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
};

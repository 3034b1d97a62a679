/**
 * The pipeline: `npm run generate` on our spec, and how generating grows with the spec, on
 * synthetic specs of 1 to 300 copies of the customers path.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { figure, formatNumber, ratio, type Benchmark } from "./lib/report.ts";
import { summarize, type Summary } from "./lib/stats.ts";
import { writeSyntheticSpec } from "./lib/synthetic-spec.ts";
import { REPO } from "./lib/workspace.ts";

const execFileAsync = promisify(execFile);
const TSX = path.join(REPO, "node_modules", "tsx", "dist", "cli.mjs");
const PRELOAD = path.join(REPO, "bench", "lib", "record-peak-memory.cjs");
const GENERATE_TARGET_MS = 3_000;
const GROWTH_LIMIT = 30;

interface PipelineRun {
  wallMs: number;
  timings: Record<string, number>;
  peakMemoryMb: number;
}

/** Runs `command` in `cwd`, measuring its time and the peak memory of every Node process it starts. */
async function runMeasured(command: string, args: string[], cwd: string): Promise<{ wallMs: number; stdout: string; peakMemoryMb: number }> {
  const memoryFile = path.join(cwd, `peak-memory-${Date.now()}.txt`);
  await writeFile(memoryFile, "");
  const started = performance.now();
  const { stdout } = await execFileAsync(command, args, {
    cwd,
    maxBuffer: 64 * 2 ** 20,
    env: { ...process.env, NODE_OPTIONS: `--require ${PRELOAD}`, PEAK_MEMORY_FILE: memoryFile },
  });
  const wallMs = performance.now() - started;
  const peaks = (await readFile(memoryFile, "utf8")).trim().split("\n").map((line) => Number(line.split(" ")[1]));
  await rm(memoryFile);
  return { wallMs, stdout, peakMemoryMb: Math.max(...peaks) / 1024 };
}

async function generateOnce(copies: number, dir: string): Promise<PipelineRun> {
  await writeSyntheticSpec(dir, copies);
  const run = await runMeasured(process.execPath, [TSX, path.join(REPO, "bench", "lib", "pipeline-steps.ts")], dir);
  const lastLine = run.stdout.trim().split("\n").at(-1)!;
  return { wallMs: run.wallMs, timings: JSON.parse(lastLine).timings, peakMemoryMb: run.peakMemoryMb };
}

/** A copy of the project that `npm run generate` can run in without touching the repository's generated/. */
async function projectCopy(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const entry of ["openapi", "scripts", "redocly.yaml", "package.json"]) await cp(path.join(REPO, entry), path.join(dir, entry), { recursive: true });
  await symlink(path.join(REPO, "node_modules"), path.join(dir, "node_modules"));
}

export const benchPipeline: Benchmark = async ({ quick }) => {
  const rounds = quick ? 2 : 3;
  const scratch = await mkdtemp(path.join(tmpdir(), "piriod-bench-pipeline-"));
  try {
    // `npm run generate` as a user runs it (npm, lint, bundle, types, validators, write), on a copy of the project.
    const ours: number[] = [];
    await projectCopy(path.join(scratch, "ours"));
    for (let round = 0; round < rounds; round++) {
      ours.push((await runMeasured("npm", ["run", "--silent", "generate"], path.join(scratch, "ours"))).wallMs);
    }
    const generate = summarize(ours);
    const sizes = quick ? [1, 10, 30] : [1, 10, 100, 300];
    const growth: { copies: number; wall: Summary; steps: Record<string, Summary>; memory: Summary }[] = [];
    for (const copies of sizes) {
      const runs: PipelineRun[] = [];
      for (let round = 0; round < rounds; round++) {
        const dir = path.join(scratch, `copies-${copies}-${round}`);
        runs.push(await generateOnce(copies, dir));
        await rm(dir, { recursive: true, force: true });
      }
      const steps = Object.fromEntries(["bundle", "types", "validators"].map((step) => [step, summarize(runs.map((run) => run.timings[step]!))]));
      growth.push({ copies, wall: summarize(runs.map((run) => run.wallMs)), steps, memory: summarize(runs.map((run) => run.peakMemoryMb)) });
    }
    const ten = growth.find((entry) => entry.copies === 10)!;
    // Growth is judged on the steps alone: a process's fixed start-up would flatter the ratio.
    const steps = (entry: (typeof growth)[number]) => Object.values(entry.steps).reduce((total, step) => total + step.median, 0);
    const rows = growth.map((entry) => [
      String(entry.copies),
      figure(entry.wall),
      figure(entry.steps.bundle!),
      figure(entry.steps.types!),
      figure(entry.steps.validators!),
      figure(entry.memory),
      ratio(steps(entry), steps(ten)),
    ]);
    const largest = growth.at(-1)!;
    const dominant = Object.entries(largest.steps).sort((a, b) => b[1].median - a[1].median)[0]!;
    const growthRatio = steps(largest) / steps(ten);
    return {
      title: "The pipeline",
      intro:
        `\`npm run generate\` on a copy of the project (npm, then lint, bundle, types, validators and write; ${rounds} rounds): **${figure(generate)} ms**.\n\n` +
        "Growth: synthetic specs with N copies of the customers path (every method of it), each copy with its own seven schemas, through bundle, types and validators, a fresh process each round. " +
        "The step times are measured inside that process; the total adds Node's and tsx's start. Peak memory is the largest resident set of any process, Redocly's included.",
      tables: [{ headers: ["copies", "total (ms)", "bundle (ms)", "types (ms)", "validators (ms)", "peak memory (MB)", "steps ÷ steps at 10 copies"], rows }],
      notes: [`At ${largest.copies} copies the ${dominant[0]} step dominates (${formatNumber(dominant[1].median)} ms of ${formatNumber(steps(largest))} ms of steps).`],
      targets: [
        { what: "`npm run generate` on our spec", target: `< ${formatNumber(GENERATE_TARGET_MS)} ms`, measured: `${formatNumber(generate.median)} ms`, met: generate.median < GENERATE_TARGET_MS },
        ...(largest.copies === 300
          ? [{ what: "pipeline growth: 300 copies ÷ 10 copies (steps)", target: `≤ ${GROWTH_LIMIT}× (linear)`, measured: `${growthRatio.toFixed(2)}×`, met: growthRatio <= GROWTH_LIMIT }]
          : []),
      ],
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
};

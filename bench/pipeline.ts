import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { figure, formatNumber, ratio, type Section } from "./lib/report.ts";
import { summarize, type Summary } from "./lib/stats.ts";
import { writeSyntheticSpec } from "./lib/synthetic-spec.ts";

const execFileAsync = promisify(execFile);
const REPO = new URL("../", import.meta.url).pathname;
const TSX = path.join(REPO, "node_modules", "tsx", "dist", "cli.mjs");
const PRELOAD = path.join(REPO, "bench", "lib", "record-peak-memory.cjs");

interface PipelineRun {
  wallMs: number;
  timings: Record<string, number>;
  peakMemoryMb: number;
}

/** Runs a script of the repository on the project in `cwd`, measuring time and peak memory. */
async function runScript(script: string, cwd: string): Promise<{ wallMs: number; stdout: string; peakMemoryMb: number }> {
  const memoryFile = path.join(cwd, `peak-memory-${Date.now()}.txt`);
  await writeFile(memoryFile, "");
  const started = performance.now();
  const { stdout } = await execFileAsync(process.execPath, [TSX, script], {
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
  const run = await runScript(path.join(REPO, "bench", "lib", "pipeline-steps.ts"), dir);
  const lastLine = run.stdout.trim().split("\n").at(-1)!;
  return { wallMs: run.wallMs, timings: JSON.parse(lastLine).timings, peakMemoryMb: run.peakMemoryMb };
}

export async function benchPipeline({ quick }: { quick: boolean }): Promise<Section> {
  const rounds = 3;
  const scratch = await mkdtemp(path.join(tmpdir(), "piriod-bench-pipeline-"));
  try {
    // `npm run generate` as a user runs it (lint included), on a copy of our spec.
    const ours: number[] = [];
    await writeSyntheticSpec(path.join(scratch, "ours"), 1);
    for (let round = 0; round < rounds; round++) {
      ours.push((await runScript(path.join(REPO, "scripts", "generate.ts"), path.join(scratch, "ours"))).wallMs);
    }
    const sizes = quick ? [1, 10, 100] : [1, 10, 100, 300];
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
    const rows = growth.map((entry) => [
      String(entry.copies),
      figure(entry.wall),
      figure(entry.steps.bundle!),
      figure(entry.steps.types!),
      figure(entry.steps.validators!),
      figure(entry.memory),
      ratio(entry.wall.median, ten.wall.median),
    ]);
    const largest = growth.at(-1)!;
    const dominant = Object.entries(largest.steps).sort((a, b) => b[1].median - a[1].median)[0]!;
    return {
      title: "The pipeline",
      intro:
        `\`npm run generate\` on our spec (lint, bundle, types, validators, write; a fresh process each round): **${figure(summarize(ours))} ms** (target: under 3,000 ms).\n\n` +
        "Growth: synthetic specs with N copies of the customers path, each with its own seven schemas, through bundle, types and validators (a fresh process each round; peak memory is the largest resident set of any process, Redocly's included).",
      headers: ["copies", "total (ms)", "bundle (ms)", "types (ms)", "validators (ms)", "peak memory (MB)", "total ÷ 10 copies"],
      rows,
      notes: [
        `At ${largest.copies} copies the ${dominant[0]} step dominates (${formatNumber(dominant[1].median)} ms of ${formatNumber(largest.wall.median)} ms).`,
        ...(largest.copies === 300 ? [`300 copies ÷ 10 copies: ${ratio(largest.wall.median, ten.wall.median)} (target: at most 30×, i.e. no worse than linear).`] : []),
      ],
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

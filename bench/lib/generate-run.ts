import { execFile } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { defined } from "./defined.ts";
import { REPO } from "./workspace.ts";

const execFileAsync = promisify(execFile);
const TSX = path.join(REPO, "node_modules", "tsx", "dist", "cli.mjs");
const PRELOAD = path.join(REPO, "bench", "lib", "record-peak-memory.cjs");
/** `✔ bundle → generated/openapi.json (682 ms)`: a step's line, as scripts/lib/timed-step.ts prints it. */
const STEP_LINE = /^✔ (\w+).* \(([\d.]+) (ms|s)\)$/gm;

export interface GenerateRun {
  wallMs: number;
  /** Each step's time as the pipeline prints it (`lint`, `bundle`, `types`, …), in ms. */
  steps: Record<string, number>;
  /** The largest resident set of any Node process of the run, Redocly's included. */
  peakMemoryMb: number;
}

/**
 * The pipeline (`npm run generate`, or its script straight through tsx without npm's start-up)
 * run in the project copy `dir`, writing its generated/. Every Node process it starts records its
 * peak memory on exit through a preload.
 */
export async function generateIn(dir: string, { viaNpm = false } = {}): Promise<GenerateRun> {
  const memoryFile = path.join(dir, `peak-memory-${Date.now()}.txt`);
  await writeFile(memoryFile, "");
  const [command, args] = viaNpm
    ? ["npm", ["run", "--silent", "generate"]]
    : [process.execPath, [TSX, path.join(dir, "scripts", "generate.ts")]];
  const started = performance.now();
  const { stdout } = await execFileAsync(command, args, {
    cwd: dir,
    maxBuffer: 64 * 2 ** 20,
    env: {
      ...process.env,
      REDOCLY_TELEMETRY: "off",
      REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
      NODE_OPTIONS: `--require ${PRELOAD}`,
      PEAK_MEMORY_FILE: memoryFile,
    },
  });
  const wallMs = performance.now() - started;
  const peaks = (await readFile(memoryFile, "utf8"))
    .trim()
    .split("\n")
    .map((line) => Number(line.split(" ")[1]));
  await rm(memoryFile);
  const steps = Object.fromEntries(
    [...stdout.matchAll(STEP_LINE)].map(([line, step, value, unit]) => [
      defined(step, `the step's name in ${line}`),
      Number(value) * (unit === "s" ? 1000 : 1),
    ]),
  );
  return { wallMs, steps, peakMemoryMb: Math.max(...peaks) / 1024 };
}

import { writeFile } from "node:fs/promises";
import { arch, cpus, loadavg, platform, release, totalmem } from "node:os";
import { defined } from "./defined.ts";
import { type Summary, spread } from "./stats.ts";

export interface Table {
  caption?: string;
  headers: string[];
  rows: string[][];
}

/** A target of the issue, checked against what this run measured. */
export interface Target {
  what: string;
  target: string;
  measured: string;
  met: boolean;
  /** Why it is missed, when it is. */
  why?: string;
}

/** One part of BENCHMARKS.md: a heading, a short paragraph, tables, notes and the targets it checks. */
export interface Section {
  title: string;
  intro?: string;
  tables: Table[];
  notes?: string[];
  targets?: Target[];
}

export type Benchmark = (options: { quick: boolean }) => Promise<Section>;

export function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** `median ±spread`, e.g. `14,210 ±3.1%`. */
export function figure(summary: Summary, digits = 0): string {
  return `${formatNumber(summary.median, digits)} ${spread(summary)}`;
}

export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}×`;
}

/** A difference with its sign: `+3.2`, `−1.0`. */
export function signed(value: number, digits = 1): string {
  return `${value >= 0 ? "+" : "−"}${formatNumber(Math.abs(value), digits)}`;
}

export function markdownTable({ headers, rows }: Table): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

export function renderSection(section: Section): string {
  return [
    `## ${section.title}`,
    section.intro ?? "",
    ...section.tables.flatMap((table) => [table.caption ?? "", markdownTable(table)]),
    (section.notes ?? []).map((note) => `- ${note}`).join("\n"),
  ]
    .filter((part) => part !== "")
    .join("\n\n");
}

function targetsTable(sections: Section[]): Table {
  const rows = sections.flatMap((section) =>
    (section.targets ?? []).map((target) => [
      target.what,
      target.target,
      target.measured,
      target.met ? "met" : `**missed**${target.why ? `: ${target.why}` : ""}`,
    ]),
  );
  return { headers: ["target", "asked", "measured", "verdict"], rows };
}

export function machineDescription(): string {
  const cpu = cpus();
  return (
    `${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; ` +
    `${platform()} ${release()} ${arch()}; Node ${process.version}`
  );
}

/** The 1, 5 and 15 minute load averages, e.g. `0.12 / 0.30 / 0.41`. */
export function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(" / ");
}

export interface RunInfo {
  quick: boolean;
  loadAtStart: string;
  loadAtEnd: string;
  minutes: number;
}

/** BENCHMARKS.md: led by the targets table, then how the run was made, then each section. */
export async function writeBenchmarks(file: string, sections: Section[], run: RunInfo): Promise<void> {
  const targets = ["# Benchmarks", markdownTable(targetsTable(sections))].join("\n\n");
  const header = [
    "## How these were measured",
    "",
    `Made by \`npm run bench\`${run.quick ? " (BENCH_QUICK=1: fewer, shorter rounds)" : ""} on ${new Date().toISOString().slice(0, 10)}, in ${formatNumber(run.minutes, 1)} minutes.`,
    `Machine: ${machineDescription()}.`,
    `Load average (1 / 5 / 15 min): ${run.loadAtStart} at the start, ${run.loadAtEnd} at the end. The machine is shared: with a load near its core count, every timing below is slower and noisier.`,
    "",
    "Every timing is the median over several rounds, with ±half the spread of the rounds; contenders alternate within each round, and ratios compare medians measured in the same run. Sizes and counts are exact.",
  ].join("\n");
  await writeFile(file, `${[targets, header, ...sections.map(renderSection)].join("\n\n")}\n`);
}

/** Calls in flight each speed benchmark measures, and how its tables name them. */
export const MODES = [
  ["1", "sequential"],
  ["16", "16 in flight"],
] as const;

/** Requests per second by way of sending, then by calls in flight (`"1"`, `"16"`). */
export type Rates = Record<string, Record<string, Summary>>;

/** The rate of `way` with `inFlight` calls in flight. */
export const rateOf = (rates: Rates, way: string, inFlight: string): Summary =>
  defined(rates[way]?.[inFlight], `the rate of ${way} with ${inFlight} in flight`);

/** How many times the baseline's rate a way reaches, in the same run. */
export const times = (rates: Rates, way: string, baseline: string, inFlight: string): number =>
  rateOf(rates, way, inFlight).median / rateOf(rates, baseline, inFlight).median;

/** Each way's rate, one at a time and with 16 in flight, each beside the baseline's (`label` names it in the headers). */
export function ratesTable(caption: string, rates: Rates, baseline: string, label: string): Table {
  const rows = Object.keys(rates).map((way) => [
    way,
    ...MODES.flatMap(([inFlight]) => [
      figure(rateOf(rates, way, inFlight)),
      ratio(rateOf(rates, way, inFlight).median, rateOf(rates, baseline, inFlight).median),
    ]),
  ]);
  return {
    caption,
    headers: ["way of sending", "sequential (req/s)", `× ${label}`, "16 in flight (req/s)", `× ${label}`],
    rows,
  };
}

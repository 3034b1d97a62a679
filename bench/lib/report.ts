import { cpus, totalmem, platform, release, arch } from "node:os";
import { writeFile } from "node:fs/promises";
import { spread, type Summary } from "./stats.ts";

/** One part of BENCHMARKS.md: a heading, a short paragraph, a table and notes. */
export interface Section {
  title: string;
  intro?: string;
  headers: string[];
  rows: string[][];
  notes?: string[];
}

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

export function markdownTable(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

export function renderSection(section: Section): string {
  return [
    `## ${section.title}`,
    section.intro ?? "",
    markdownTable(section.headers, section.rows),
    ...(section.notes ?? []).map((note) => `- ${note}`),
  ]
    .filter((part) => part !== "")
    .join("\n\n");
}

export function machineDescription(): string {
  const cpu = cpus();
  return (
    `${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; ` +
    `${platform()} ${release()} ${arch()}; Node ${process.version}`
  );
}

export async function writeBenchmarks(file: string, sections: Section[], { quick }: { quick: boolean }): Promise<void> {
  const header = [
    "# Benchmarks",
    "",
    `Made by \`npm run bench\`${quick ? " (BENCH_QUICK=1: fewer, shorter rounds)" : ""} on ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${machineDescription()}.`,
    "",
    "Every figure is the median over several rounds, with ±half the spread of the rounds; ratios compare medians measured in the same run.",
  ].join("\n");
  await writeFile(file, `${[header, ...sections.map(renderSection)].join("\n\n")}\n`);
}

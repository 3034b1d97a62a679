/**
 * `npm run bench`: every benchmark in bench/, one after the other, into BENCHMARKS.md.
 * BENCH_QUICK=1 runs fewer and shorter rounds.
 */
import { fileURLToPath } from "node:url";
import { renderSection, writeBenchmarks, type Section } from "./lib/report.ts";
import { benchPipeline } from "./pipeline.ts";
import { benchValidators } from "./validators.ts";

const quick = process.env.BENCH_QUICK === "1";
const benchmarks: [string, (options: { quick: boolean }) => Promise<Section>][] = [
  ["validators", benchValidators],
  ["pipeline", benchPipeline],
];

const sections: Section[] = [];
for (const [name, bench] of benchmarks) {
  const started = performance.now();
  const section = await bench({ quick });
  sections.push(section);
  console.log(`${renderSection(section)}\n\n(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
await writeBenchmarks(fileURLToPath(new URL("../BENCHMARKS.md", import.meta.url)), sections, { quick });
console.log("✔ BENCHMARKS.md written");

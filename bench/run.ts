/**
 * `npm run bench`: every benchmark in bench/, one after the other, into BENCHMARKS.md, the ones
 * that judge a target first, in the order the targets table lists them. BENCH_QUICK=1 runs fewer
 * and shorter rounds. `npm run bench -- transport size` runs only the benchmarks named and prints
 * them, leaving BENCHMARKS.md alone.
 */
import { fileURLToPath } from "node:url";
import { benchChromium } from "./chromium.ts";
import { benchColdStart } from "./cold-start.ts";
import { benchConsole } from "./console.ts";
import { benchFakeList } from "./fake-list.ts";
import { benchHostileBodies } from "./hostile-bodies.ts";
import { type Benchmark, loadAverage, renderSection, type Section, writeBenchmarks } from "./lib/report.ts";
import { removeWorkspace } from "./lib/workspace.ts";
import { benchSize } from "./size.ts";
import { benchSizeGrowth } from "./size-growth.ts";
import { benchTransport } from "./transport.ts";

const BENCHMARKS: Record<string, Benchmark> = {
  transport: benchTransport,
  "cold-start": benchColdStart,
  size: benchSize,
  "size-growth": benchSizeGrowth,
  chromium: benchChromium,
  console: benchConsole,
  "hostile-bodies": benchHostileBodies,
  "fake-list": benchFakeList,
};

const quick = process.env.BENCH_QUICK === "1";
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0)
  throw new Error(`unknown benchmark ${unknown.join(", ")}; the benchmarks are ${Object.keys(BENCHMARKS).join(", ")}`);

const started = performance.now();
const loadAtStart = loadAverage();
console.log(`load average ${loadAtStart} (1 / 5 / 15 min)${quick ? ", quick run" : ""}`);
const sections: Section[] = [];
try {
  for (const [name, bench] of Object.entries(BENCHMARKS)) {
    if (asked.length > 0 && !asked.includes(name)) continue;
    const sectionStarted = performance.now();
    const section = await bench({ quick });
    sections.push(section);
    console.log(
      `${renderSection(section)}\n\n(${name}: ${((performance.now() - sectionStarted) / 1000).toFixed(1)} s, load average ${loadAverage()})\n`,
    );
  }
} finally {
  await removeWorkspace();
}
if (asked.length === 0) {
  const minutes = (performance.now() - started) / 60_000;
  await writeBenchmarks(fileURLToPath(new URL("../BENCHMARKS.md", import.meta.url)), sections, {
    quick,
    loadAtStart,
    loadAtEnd: loadAverage(),
    minutes,
  });
  console.log("✔ BENCHMARKS.md written");
}

import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  figure,
  markdownTable,
  ratesTable,
  ratio,
  renderSection,
  type Section,
  signed,
  times,
  writeBenchmarks,
} from "../../bench/lib/report.ts";
import { summarize } from "../../bench/lib/stats.ts";

// How BENCHMARKS.md words what a run measured: a figure with its spread, a ratio, a signed
// difference, and a verdict per target that says why a missed one is missed.
describe("figures", () => {
  it("show the median with the rounds' spread", () => {
    expect(figure(summarize([13_000, 14_210, 14_900]))).toBe("14,210 ±6.7%");
    expect(figure(summarize([1.25, 1.5, 1.75]), 1)).toBe("1.5 ±16.7%");
  });

  it("give ratios to two decimals and differences with their sign", () => {
    expect(ratio(3_820, 1_000)).toBe("3.82×");
    expect(signed(3.25)).toBe("+3.3");
    expect(signed(-17.14)).toBe("−17.1");
    expect(signed(0)).toBe("+0.0");
    expect(signed(1_234.5, 0)).toBe("+1,235");
  });
});

describe("rates beside a baseline", () => {
  const rates = {
    "axios 0.27": { 1: summarize([900, 1_000, 1_100]), 16: summarize([2_000]) },
    client: { 1: summarize([1_500]), 16: summarize([2_300, 2_500]) },
  };

  it("compare medians of the same run, per calls in flight", () => {
    expect(times(rates, "client", "axios 0.27", "1")).toBe(1.5);
    expect(times(rates, "client", "axios 0.27", "16")).toBe(1.2);
  });

  it("make a table of each way's rate and ratio, sequential then 16 in flight", () => {
    expect(ratesTable("**update**", rates, "axios 0.27", "axios 0.27")).toEqual({
      caption: "**update**",
      headers: ["way of sending", "sequential (req/s)", "× axios 0.27", "16 in flight (req/s)", "× axios 0.27"],
      rows: [
        ["axios 0.27", "1,000 ±10.0%", "1.00×", "2,000 ±0.0%", "1.00×"],
        ["client", "1,500 ±0.0%", "1.50×", "2,400 ±4.2%", "1.20×"],
      ],
    });
  });
});

describe("sections", () => {
  it("render as a heading, the intro, each table under its caption, and the notes as a list", () => {
    const section: Section = {
      title: "Size",
      intro: "What loads.",
      tables: [{ caption: "**app**", headers: ["chunk", "B"], rows: [["entry", "8,598"]] }],
      notes: ["one", "two"],
    };
    expect(renderSection(section)).toBe(
      ["## Size", "What loads.", "**app**", "| chunk | B |\n| --- | --- |\n| entry | 8,598 |", "- one\n- two"].join(
        "\n\n",
      ),
    );
  });

  it("leave out what a section does not have", () => {
    expect(renderSection({ title: "Empty", tables: [] })).toBe("## Empty");
  });

  it("write a table with as many separators as headers", () => {
    expect(markdownTable({ headers: ["a", "b", "c"], rows: [] })).toBe("| a | b | c |\n| --- | --- | --- |");
  });
});

describe("BENCHMARKS.md", () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("opens with every section's targets, met or missed with the reason, then the run and the machine", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "benchmarks-"));
    const file = path.join(dir, "BENCHMARKS.md");
    const sections: Section[] = [
      {
        title: "One",
        tables: [],
        targets: [{ what: "import", target: "≤ 15 ms", measured: "7.5 ms", met: true, why: "not shown when met" }],
      },
      {
        title: "Two",
        tables: [],
        targets: [
          {
            what: "bundle",
            target: "≤ 5,000 B",
            measured: "8,598 B",
            met: false,
            why: "openapi-fetch alone is 2,730 B",
          },
        ],
      },
    ];
    await writeBenchmarks(file, sections, {
      quick: true,
      loadAtStart: "0.10 / 0.20 / 0.30",
      loadAtEnd: "1.00 / 2.00 / 3.00",
      minutes: 1.56,
    });
    const text = await readFile(file, "utf8");
    expect(text).toContain("(BENCH_QUICK=1: fewer, shorter rounds)");
    expect(text).toContain("in 1.6 minutes.");
    expect(text).toContain(`Node ${process.version}`);
    expect(text).toContain("0.10 / 0.20 / 0.30 at the start, 1.00 / 2.00 / 3.00 at the end");
    expect(text).toContain("| import | ≤ 15 ms | 7.5 ms | met |");
    expect(text).toContain("| bundle | ≤ 5,000 B | 8,598 B | **missed**: openapi-fetch alone is 2,730 B |");
    expect(text).not.toContain("not shown when met");
    expect(text.startsWith("# Benchmarks\n\n| target | asked | measured | verdict |\n")).toBe(true);
    expect(text.indexOf("| bundle |")).toBeLessThan(text.indexOf("Made by `npm run bench`"));
    expect(text.indexOf("Made by `npm run bench`")).toBeLessThan(text.indexOf("## One"));
    expect(text.indexOf("## One")).toBeLessThan(text.indexOf("## Two"));
  });
});

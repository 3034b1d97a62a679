/**
 * The worst bodies of maxResponseBytes: what each costs the client, beside `JSON.parse` of the same bytes (issue #25's target: at most
 * some 3 times as much).
 */
import { runChild } from "./lib/child-process.ts";
import { type Benchmark, figure, formatNumber, ratio } from "./lib/report.ts";
import { summarize } from "./lib/stats.ts";

type Measured = Record<string, { client: number[]; parse: number[]; error: string; megabytes: number }>;

const TARGET = 3;

export const benchHostileBodies: Benchmark = async ({ quick }) => {
  const rounds = quick ? 3 : 7;
  const measured = await runChild<Measured>("hostile-bodies", { rounds });
  const rows = Object.entries(measured).map(([body, { client, parse, error, megabytes }]) => {
    const [spent, parsed] = [summarize(client), summarize(parse)];
    return { body, spent, parsed, error, megabytes, times: spent.median / parsed.median };
  });
  const worst = rows.reduce((most, row) => (row.times > most.times ? row : most));
  return {
    title: "Hostile bodies",
    intro: `Time from an injected fetch's Response of the body's bytes (encoded beforehand) to the call's error, in ms (median of ${rounds} rounds in one fresh process through the Node entry, alternating with \`JSON.parse\` of the same text, or of the text as one JSON string when it is not JSON).`,
    tables: [
      {
        headers: ["body (16 MiB)", "MiB", "client (ms)", "JSON.parse (ms)", "client ÷ JSON.parse", "error"],
        rows: rows.map(({ body, spent, parsed, error, megabytes, times }) => [
          body,
          formatNumber(megabytes, 1),
          figure(spent, 0),
          figure(parsed, 0),
          `${times.toFixed(2)}×`,
          error,
        ]),
      },
    ],
    targets: [
      {
        what: "the worst 16 MiB body, beside JSON.parse of its bytes",
        target: `at most ${TARGET}×`,
        measured: `${ratio(worst.spent.median, worst.parsed.median)} (${worst.body})`,
        met: worst.times <= TARGET,
        ...(worst.times > TARGET ? { why: "the client's pass over this body costs more than the target allows" } : {}),
      },
    ],
  };
};

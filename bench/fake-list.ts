/**
 * What a test pays to walk a long list of the fake: every page of 10,000 customers, filtered by
 * country and sorted by `-created`, read through the client against `fake.fetch`.
 */
import { runChild } from "./lib/child-process.ts";
import { defined } from "./lib/defined.ts";
import { type Benchmark, figure, formatNumber } from "./lib/report.ts";
import { summarize } from "./lib/stats.ts";

const CUSTOMERS = 10_000;
const PAGE_SIZES = [20, 100];

export const benchFakeList: Benchmark = async ({ quick }) => {
  const rounds = quick ? 2 : 5;
  const results = await runChild<Record<string, { afterWrite: number[]; again: number[]; read: number }>>(
    "fake-iteration",
    { customers: CUSTOMERS, rounds, pageSizes: PAGE_SIZES },
  );
  const rows = PAGE_SIZES.map((pageSize) => {
    const { afterWrite, again, read } = defined(results[String(pageSize)], `the results of page_size ${pageSize}`);
    const pages = Math.ceil(read / pageSize);
    const first = summarize(afterWrite);
    return [
      String(pageSize),
      formatNumber(read),
      formatNumber(pages),
      figure(first),
      formatNumber(first.median / pages, 2),
      figure(summarize(again)),
    ];
  });
  return {
    title: "The fake's lists",
    intro: `A full iteration (\`for await\`) of \`customers.list({ country: "CL", ordering: "-created", page_size })\` through the client against \`fake.fetch\`, over ${formatNumber(CUSTOMERS)} customers, half of them in CL: in ms, median of ${rounds} rounds in one fresh process. Each round makes a customer first, so that the fake filters and sorts again, then reads every page; then reads them all again with no write between.`,
    tables: [
      {
        headers: [
          "page_size",
          "customers read",
          "pages",
          "after a write (ms)",
          "per page (ms)",
          "again, no write between (ms)",
        ],
        rows,
      },
    ],
    notes: [
      "Before the fake kept a list's filtered, sorted view until the next write, each page filtered and sorted the whole list again, parsing every time at each comparison: iterating 10,000 customers with `ordering=-created` took 8.8 s.",
    ],
  };
};

import { describe, expect, it } from "vitest";
import {
  alternatingRounds,
  alternatingSamples,
  callsPerSecond,
  growthPerStep,
  relativeSpread,
  spread,
  summarize,
} from "../../bench/lib/stats.ts";

/** An async job that sleeps `ms`, and how many of it ran at once at most and completed. */
function trackedJob(ms: number) {
  const tracked = { running: 0, most: 0, completed: 0 };
  const job = async () => {
    tracked.most = Math.max(tracked.most, ++tracked.running);
    await new Promise((resolve) => setTimeout(resolve, ms));
    tracked.running--;
    tracked.completed++;
    return 1;
  };
  return { job, tracked };
}

// BENCHMARKS.md reports every timing as a median with the spread of its rounds, and every verdict
// compares medians: these are the sums behind each figure.
describe("summarize", () => {
  it("takes the middle sample of an odd count, whatever the order the rounds came in", () => {
    expect(summarize([9, 1, 5, 7, 3])).toEqual({ median: 5, min: 1, max: 9, rounds: 5 });
  });

  it("takes the mean of the two middle samples of an even count", () => {
    expect(summarize([10, 40, 20, 30])).toEqual({ median: 25, min: 10, max: 40, rounds: 4 });
  });

  it("leaves the samples it was given in their order", () => {
    const samples = [3, 1, 2];
    summarize(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it("refuses to summarize no samples rather than report a median of nothing", () => {
    expect(() => summarize([])).toThrow("no samples");
  });
});

describe("the spread of the rounds", () => {
  it("is half their range relative to the median", () => {
    const summary = summarize([90, 100, 130]);
    expect(relativeSpread(summary)).toBeCloseTo(0.2);
    expect(spread(summary)).toBe("±20.0%");
  });

  it("is measured against the median's size when the median is negative (a difference in µs)", () => {
    expect(relativeSpread(summarize([-12, -10, -8]))).toBeCloseTo(0.2);
  });

  it("is zero around a median of zero instead of dividing by it", () => {
    expect(relativeSpread(summarize([-1, 0, 1]))).toBe(0);
  });
});

describe("alternating rounds", () => {
  it("gives every contender one sample per round, in a rotated order each round", async () => {
    const order: string[] = [];
    const contender = (name: string) => () => {
      order.push(name);
      return order.length;
    };
    const samples = await alternatingSamples({ a: contender("a"), b: contender("b"), c: contender("c") }, 3);
    expect(order).toEqual(["a", "b", "c", "b", "c", "a", "c", "a", "b"]);
    expect(samples).toEqual({ a: [1, 6, 8], b: [2, 4, 9], c: [3, 5, 7] });
  });

  it("never runs two contenders at once", async () => {
    const { job, tracked } = trackedJob(1);
    await alternatingSamples({ a: job, b: job }, 2);
    expect(tracked.most).toBe(1);
    expect(tracked.completed).toBe(4);
  });

  it("summarizes each contender's samples", async () => {
    let next = 0;
    const results = await alternatingRounds({ a: () => ++next, b: () => 100 }, 3);
    expect(results.a).toEqual({ median: 2, min: 1, max: 3, rounds: 3 });
    expect(results.b).toEqual({ median: 100, min: 100, max: 100, rounds: 3 });
  });
});

describe("callsPerSecond", () => {
  it("keeps as many calls in flight as asked, and counts each completed call", async () => {
    const { job, tracked } = trackedJob(2);
    const started = performance.now();
    const rate = await callsPerSecond(job, 4, 50);
    const elapsed = performance.now() - started;
    expect(tracked.most).toBe(4);
    // Its own clock runs within ours, and for at least the 50 ms asked.
    expect(rate).toBeGreaterThanOrEqual((tracked.completed * 1000) / elapsed);
    expect(rate).toBeLessThanOrEqual((tracked.completed * 1000) / 50);
  });
});

describe("growthPerStep", () => {
  it("gives the growth per unit between each point and the next, as the per-operation size is judged", () => {
    expect(
      growthPerStep([
        [2, 6_469],
        [20, 6_926],
        [200, 11_134],
      ]),
    ).toEqual([(6_926 - 6_469) / 18, (11_134 - 6_926) / 180]);
  });

  it("has nothing to say about a single point", () => {
    expect(growthPerStep([[2, 6_469]])).toEqual([]);
  });
});

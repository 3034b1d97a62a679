import { defined } from "./defined.ts";

/** A figure measured over several rounds: its median and how far the rounds spread around it. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  rounds: number;
}

export function summarize(samples: number[]): Summary {
  if (samples.length === 0) throw new Error("no samples to summarize");
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (index: number) => defined(sorted[index], `sample ${index} of ${sorted.length}, sorted`);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
  return { median, min: at(0), max: at(sorted.length - 1), rounds: samples.length };
}

/** Half the range of the rounds, relative to the median (0.031 for ±3.1%). */
export function relativeSpread(summary: Summary): number {
  return summary.median === 0 ? 0 : (summary.max - summary.min) / 2 / Math.abs(summary.median);
}

/** `±x%`: half the range of the rounds, relative to the median. */
export function spread(summary: Summary): string {
  return `±${(100 * relativeSpread(summary)).toFixed(1)}%`;
}

/**
 * Runs each contender for `rounds` rounds, alternating them within every round so that drift
 * of the machine (heat, other load) falls on all of them alike. Each call returns one sample.
 */
export async function alternatingRounds<K extends string>(
  contenders: Record<K, () => Promise<number> | number>,
  rounds: number,
): Promise<Record<K, Summary>> {
  const samples = await alternatingSamples(contenders, rounds);
  return Object.fromEntries(
    Object.entries<number[]>(samples).map(([name, values]) => [name, summarize(values)]),
  ) as Record<K, Summary>;
}

/** The samples of `alternatingRounds`, before they are summarized: for contenders that return more than one figure. */
export async function alternatingSamples<K extends string, T>(
  contenders: Record<K, () => Promise<T> | T>,
  rounds: number,
): Promise<Record<K, T[]>> {
  const names = Object.keys(contenders) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as T[]])) as Record<K, T[]>;
  for (let round = 0; round < rounds; round++) {
    // Rotate the order each round: no contender always runs first, right after a warm-up.
    const shift = round % names.length;
    const order = [...names.slice(shift), ...names.slice(0, shift)];
    for (const name of order) samples[name].push(await contenders[name]());
  }
  return samples;
}

/**
 * Calls completed per second by `inFlight` loops that each start the next call as soon as theirs
 * settles, for about `durationMs`.
 */
export async function callsPerSecond(
  call: () => Promise<unknown>,
  inFlight: number,
  durationMs: number,
): Promise<number> {
  let completed = 0;
  const start = performance.now();
  const deadline = start + durationMs;
  const loop = async () => {
    while (performance.now() < deadline) {
      await call();
      completed++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, loop));
  return (completed * 1000) / (performance.now() - start);
}

/** How much `y` grows per unit of `x` between each point and the next: `[[2, 100], [20, 460]]` → `[20]`. */
export function growthPerStep(points: [x: number, y: number][]): number[] {
  const growth: number[] = [];
  let previous: [x: number, y: number] | undefined;
  for (const point of points) {
    if (previous) growth.push((point[1] - previous[1]) / (point[0] - previous[0]));
    previous = point;
  }
  return growth;
}

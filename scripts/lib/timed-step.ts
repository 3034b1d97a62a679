import { performance } from "node:perf_hooks";

/** Runs one pipeline step and prints one line with its name and how long it took. */
export async function timedStep<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    const result = await run();
    console.log(`✔ ${name} (${formatDuration(performance.now() - started)})`);
    return result;
  } catch (error) {
    console.error(`✘ ${name} failed after ${formatDuration(performance.now() - started)}`);
    throw error;
  }
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/**
 * Watches the event loop while `work` runs: a timer due every few milliseconds, and the longest
 * time between two of its firings. Synchronous work in `work` shows up as a gap that long, however
 * fast the machine: a summary that backtracks over a body blocks every timer, `timeoutMs` included.
 */
export async function longestEventLoopGap<T>(work: () => Promise<T>): Promise<{ result: T; gapMs: number }> {
  let last = performance.now();
  let gapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    gapMs = Math.max(gapMs, now - last);
    last = now;
  }, 5);
  try {
    const result = await work();
    gapMs = Math.max(gapMs, performance.now() - last);
    return { result, gapMs };
  } finally {
    clearInterval(timer);
  }
}

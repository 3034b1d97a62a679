import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";

/**
 * Benchmark processes that talk to each other can share one core (`taskset -c`). On a shared
 * virtual machine, a request handed between processes on different cores waits for the other
 * core to wake up, and that wait, not the client's code, decides a sequential figure: it swings
 * by 2× from one round to the next. On one core the processes take turns, so a figure is the
 * work a request costs, client and server together, and every contender pays the same server.
 */
export const PINNED_CORE = availableParallelism() - 1;

let available: boolean | undefined;

/** Whether `taskset` can pin a process here (Linux with util-linux). */
export function canPin(): boolean {
  if (available === undefined) {
    try {
      execFileSync("taskset", ["-c", String(PINNED_CORE), "true"], { stdio: "ignore" });
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

/** The command and arguments that run `command args` on `core` (as they are when no core is given or pinning is impossible). */
export function onCore(core: number | undefined, command: string, args: string[]): [string, string[]] {
  return core === undefined || !canPin() ? [command, args] : ["taskset", ["-c", String(core), command, ...args]];
}

/** Where a benchmark child runs to be measured alone on one core: the pinned core, or anywhere when pinning is impossible. */
export function oneCore(): { core?: number } {
  return canPin() ? { core: PINNED_CORE } : {};
}

import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { defined } from "./defined.ts";
import { REPO_ROOT } from "./project-copy.ts";

const TSX_CLI = path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");

/** A command that serves until stopped, in a process group of its own, its output collected. */
export class ServingCommand {
  stdout = "";
  stderr = "";
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;

  constructor(file: string, args: readonly string[], cwd: string) {
    // Its own group, so a signal to the group reaches every process of it at once (tsx and the
    // script it runs), as Ctrl-C in a terminal does; and so that cleanup can reach them all by the group's PID.
    const child = spawn(file, args, {
      cwd,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
    child.stdout.on("data", (chunk) => {
      this.stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      this.stderr += chunk;
    });
    this.child = child;
    this.exited = new Promise((resolve) => this.child.once("exit", (code, signal) => resolve({ code, signal })));
  }

  get pid(): number {
    return defined(this.child.pid, "the command's PID");
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the match once stdout matches, or fails with all the output so far. */
  async waitForOutput(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = this.stdout.match(pattern);
      if (match) return match;
      if (!this.running) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no ${pattern} in the command's output:\n${this.stdout}\n${this.stderr}`);
  }

  /** Sends a signal to the whole group, as a terminal's Ctrl-C does. */
  signalGroup(signal: NodeJS.Signals): void {
    process.kill(-this.pid, signal);
  }

  /** Kills whatever of the group is left, by the group's PID. */
  async kill(): Promise<void> {
    try {
      process.kill(-this.pid, "SIGKILL");
    } catch {
      // The group is already gone.
    }
    if (this.running) await this.exited;
  }
}

/** `scripts/mock.ts` running as `npm run mock` runs it, through tsx. */
export function runMockScript(args: readonly string[]): ServingCommand {
  return new ServingCommand(
    process.execPath,
    [TSX_CLI, path.join(REPO_ROOT, "scripts", "mock.ts"), ...args],
    REPO_ROOT,
  );
}

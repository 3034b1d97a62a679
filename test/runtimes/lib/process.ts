import { spawn } from "node:child_process";
import { once } from "node:events";

/** A process the matrix started (a fake server, workerd), its output collected, stopped by its PID. */
export class StartedProcess {
  stdout = "";
  stderr = "";
  private readonly pid: number | undefined;
  private readonly closed: Promise<unknown>;
  private exited = false;

  constructor(file: string, args: readonly string[], cwd: string) {
    const child = spawn(file, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk) => {
      this.stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      this.stderr += chunk;
    });
    this.pid = child.pid;
    // "close", not "exit": the output is whole only once the pipes are.
    this.closed = once(child, "close").finally(() => {
      this.exited = true;
    });
  }

  /** The first match of `pattern` in what it printed (stdout, then stderr), once it is there; fails with the output when the process ends or 30 s pass first. */
  async waitFor(pattern: RegExp, what: string): Promise<RegExpMatchArray> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const match = this.stdout.match(pattern) ?? this.stderr.match(pattern);
      if (match) return match;
      if (this.exited || Date.now() > deadline) throw new Error(`${what}: not seen in\n${this.stdout}\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** SIGTERM by its PID; resolves once it has ended and its output is whole. */
  async stop(): Promise<void> {
    if (this.pid !== undefined && !this.exited) process.kill(this.pid, "SIGTERM");
    await this.closed;
  }
}

import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import path from "node:path";
import { defined } from "./defined.ts";
import { REPO_ROOT } from "./project-copy.ts";

const TSX_CLI = path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");

/**
 * An MCP server run as an MCP client runs it (`piriod-mcp` from source, or the command the docs give), spoken to in raw JSON-RPC over
 * its standard input, every byte of its standard output and error kept. Its environment holds no PIRIOD_* variable but those given.
 */
export class McpProcess {
  stdout = "";
  stderr = "";
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcessWithoutNullStreams;
  private nextId = 1;

  /** `piriod-mcp` from the repository's source, with `args`. */
  static fromSource(args: readonly string[], env: Record<string, string>): McpProcess {
    return new McpProcess(process.execPath, [TSX_CLI, path.join(REPO_ROOT, "src", "mcp", "cli.ts"), ...args], env);
  }

  constructor(command: string, args: readonly string[], env: Record<string, string>, cwd = REPO_ROOT) {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("PIRIOD_")));
    // A process group of its own, so that the cleanup reaches every process of it (npx, the shell it starts, the server) by its PID.
    this.child = spawn(command, args, { cwd, env: { ...inherited, ...env }, detached: true });
    this.child.stdout.on("data", (chunk) => {
      this.stdout += chunk;
    });
    this.child.stderr.on("data", (chunk) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => this.child.once("exit", (code, signal) => resolve({ code, signal })));
  }

  get pid(): number {
    return defined(this.child.pid, "the server's PID");
  }

  /** The result (or error) of one request, once a line of standard output answers its id. */
  async request(method: string, params: object = {}, timeoutMs = 30_000): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    this.child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const answer = this.messages().find((message) => message.id === id);
      if (answer) return answer;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no answer to ${method} (${id}):\n${this.stdout}\n${this.stderr}`);
  }

  notify(method: string, params: object = {}): void {
    this.child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method, params })}\n`);
  }

  /** Every complete line of standard output, parsed; a line that is not JSON fails the test that reads it. */
  messages(): Record<string, unknown>[] {
    return this.stdout
      .split("\n")
      .slice(0, -1)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  /** Closes its standard input, as a client that goes away does, and waits for it to exit; kills it by its PID if it does not. */
  async close(timeoutMs = 10_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    this.child.stdin.end();
    const timer = setTimeout(() => this.kill(), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  kill(): void {
    try {
      process.kill(-this.pid, "SIGKILL");
    } catch {
      // The group is gone already.
    }
  }
}

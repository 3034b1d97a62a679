import { spawn } from "node:child_process";
import path from "node:path";
import { defined } from "./defined.ts";
import { REPO_ROOT } from "./project-copy.ts";

const TSX_CLI = path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");

export interface ScriptExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** stdout and stderr together, line by line. */
  lines: string[];
}

/**
 * Runs a TypeScript file of test/client/fixtures in its own Node process and waits for it to end
 * by itself; after `graceMs` it is killed (by its PID), which the caller sees as `signal`.
 */
export function runFixture(name: string, args: string[], graceMs = 15_000): Promise<ScriptExit> {
  return runTypeScript(path.join(REPO_ROOT, "test", "client", "fixtures", name), args, { graceMs });
}

/**
 * Runs a TypeScript file in its own Node process, in `cwd` with `env` added to this process's, and waits for it to end by
 * itself; after `graceMs` it is killed (by its PID), which the caller sees as `signal`.
 */
export function runTypeScript(
  file: string,
  args: string[],
  { graceMs, cwd, env }: { graceMs: number; cwd?: string; env?: Record<string, string> },
): Promise<ScriptExit> {
  const child = spawn(process.execPath, [TSX_CLI, file, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const killer = setTimeout(() => process.kill(defined(child.pid, "the script's PID"), "SIGKILL"), graceMs);
  return new Promise((resolve) =>
    child.on("exit", (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, lines: output.trim().split("\n") });
    }),
  );
}

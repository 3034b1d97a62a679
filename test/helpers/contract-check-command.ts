import { execFile } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "./project-copy.ts";

const TSX_CLI = path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");

/** What a run of the command gave: its exit code and everything it printed. */
export interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `piriod-contract-check` with `args`, run from source to its end, the key given in PIRIOD_API_KEY (none when undefined). */
export function runContractCheckCommand(args: readonly string[], apiKey: string | undefined): Promise<CommandRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.PIRIOD_API_KEY;
  if (apiKey !== undefined) env.PIRIOD_API_KEY = apiKey;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TSX_CLI, path.join(REPO_ROOT, "src", "contract-check", "cli.ts"), ...args],
      { cwd: REPO_ROOT, env, timeout: 120_000, maxBuffer: 16 * 2 ** 20 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : null;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

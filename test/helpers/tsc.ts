import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "./project-copy.ts";

const execFileAsync = promisify(execFile);

export interface Diagnostic {
  /** As tsc names it: relative to the folder it ran in (`consumers/node-entry.ts`, `node_modules/@piriod/api/…`). */
  file: string;
  line: number;
  column: number;
  /** `TS2353`: the error's code, which stays when TypeScript rewords its message. */
  code: string;
  message: string;
}

export interface TypecheckResult {
  ok: boolean;
  output: string;
  diagnostics: Diagnostic[];
}

/**
 * Runs `tsc -p config` (and `flags`) in `cwd` with a TypeScript package of the repository's node_modules: its
 * own (5.9), `typescript-7` (the native compiler, several times faster where one verdict will do),
 * or an older one a test names.
 */
export async function tsc(
  config: string,
  cwd: string,
  typescript = "typescript",
  flags: string[] = [],
): Promise<TypecheckResult> {
  const bin = path.join(REPO_ROOT, "node_modules", typescript, "bin", "tsc");
  try {
    const { stdout } = await execFileAsync(process.execPath, [bin, "-p", config, "--pretty", "false", ...flags], {
      cwd,
    });
    return { ok: true, output: stdout, diagnostics: diagnosticsIn(stdout) };
  } catch (error) {
    const { stdout } = error as { stdout: string };
    return { ok: false, output: stdout, diagnostics: diagnosticsIn(stdout) };
  }
}

/** The errors in tsc's `--pretty false` output, one a line: `file(line,col): error TS1234: message`. */
function diagnosticsIn(output: string): Diagnostic[] {
  return [...output.matchAll(/^(.+)\((\d+),(\d+)\): error (TS\d+): (.*)$/gm)].map(
    ([, file = "", line, column, code = "", message = ""]) => ({
      file,
      line: Number(line),
      column: Number(column),
      code,
      message,
    }),
  );
}

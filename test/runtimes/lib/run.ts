import { execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** Runs a runtime's command in the consumer project; a failure carries everything it printed. */
export async function runIn(
  consumer: string,
  command: readonly string[],
  env: Record<string, string> = {},
): Promise<string> {
  const [file, ...args] = command;
  if (file === undefined) throw new Error("runIn: no command");
  try {
    const { stdout } = await execFileAsync(file, args, {
      cwd: consumer,
      env: { ...process.env, NO_COLOR: "1", ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command.join(" ")} failed in ${consumer}:\n${stdout}\n${stderr}`, { cause: error });
  }
}

/** The last line of a run's output, read as the JSON report it prints. */
export function reportOf(output: string): unknown {
  const last = output.trim().split("\n").at(-1) ?? "";
  return JSON.parse(last);
}

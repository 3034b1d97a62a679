import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface CurlResult {
  status: number;
  body: string;
  /** Prism's `sl-violations` header: what it found wrong with the request, if anything (empty from another server). */
  violations: string;
}

/**
 * Runs a shell command that starts with `curl` through /bin/sh, as a reader who pastes it runs it,
 * with /usr/bin/curl reporting the status.
 */
export async function runCurl(command: string): Promise<CurlResult> {
  const lines = command.split("\n");
  const start = lines.findIndex((line) => line.startsWith("curl "));
  const curl = lines[start];
  if (curl === undefined || lines.filter((line) => line.startsWith("curl ")).length !== 1)
    throw new Error("the sample must be one curl command");
  lines[start] = curl.replace(
    /^curl /,
    "/usr/bin/curl --silent --show-error --write-out '\\n%{http_code}\\n%header{sl-violations}' ",
  );
  const { stdout } = await run("/bin/sh", ["-c", lines.join("\n")], { timeout: 10_000 });
  const [violations = "", status = "", ...body] = stdout.split("\n").reverse();
  return { status: Number(status), body: body.reverse().join("\n"), violations };
}

/** The curl commands printed in a text, in order, each as its lines (continued by a trailing backslash), unindented. */
export function printedCurlCommands(text: string): string[] {
  return [...text.matchAll(/^( *)curl (?:.*\\\n)*.*$/gm)].map(([command, indent]) =>
    command.replace(new RegExp(`^${indent}`, "gm"), ""),
  );
}

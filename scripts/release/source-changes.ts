import { execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/**
 * Files under `dirs` that differ (committed or not) from the commit that last wrote the
 * release snapshot, i.e. from the last release. `undefined` when there is no git history to
 * ask (a copy of the project outside its repository).
 */
export async function changedSinceRelease(
  root: string,
  snapshot: string,
  dirs: string[],
): Promise<string[] | undefined> {
  try {
    const { stdout: commit } = await execFileAsync("git", ["log", "-1", "--format=%H", "--", snapshot], { cwd: root });
    if (commit.trim() === "") return undefined;
    const changed = await execFileAsync("git", ["diff", "--name-only", commit.trim(), "--", ...dirs], { cwd: root });
    const added = await execFileAsync("git", ["ls-files", "--others", "--exclude-standard", "--", ...dirs], {
      cwd: root,
    });
    return [...changed.stdout.split("\n"), ...added.stdout.split("\n")].filter(Boolean);
  } catch {
    return undefined;
  }
}

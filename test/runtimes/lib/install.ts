import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** test/runtimes: the project whose package.json and lock file pin the runtimes and test runners. */
export const RUNTIMES_ROOT = fileURLToPath(new URL("..", import.meta.url));

interface LockEntry {
  version?: string;
  integrity?: string;
  optional?: boolean;
}

/**
 * Installs test/runtimes' lock file unless node_modules already holds exactly it: the runtimes
 * weigh over a gigabyte, and `npm ci` would unpack them again on every run. A failed install
 * throws, in CI as anywhere: the matrix never passes without its runtimes.
 */
export function ensureRuntimesInstalled(): void {
  if (installedMatchesLock()) return;
  console.log("test/runtimes: npm ci (the runtimes and test runners of the matrix)");
  const install = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: RUNTIMES_ROOT, stdio: "inherit" });
  if (install.status !== 0 || !installedMatchesLock()) {
    throw new Error(
      `test/runtimes: npm ci failed (exit ${install.status ?? install.signal}): the runtimes of the matrix cannot be installed`,
    );
  }
}

/** Whether node_modules holds every package of the lock file at its version and integrity (npm's own record of what it installed). */
function installedMatchesLock(): boolean {
  const installedRecord = path.join(RUNTIMES_ROOT, "node_modules", ".package-lock.json");
  if (!existsSync(installedRecord)) return false;
  const locked = packagesOf(path.join(RUNTIMES_ROOT, "package-lock.json"));
  const installed = packagesOf(installedRecord);
  return Object.entries(locked).every(([where, entry]) => {
    if (where === "") return true;
    const found = installed[where];
    // An optional package for another platform (workerd's for macOS) is rightly absent.
    if (found === undefined) return entry.optional === true;
    return (
      found.version === entry.version &&
      found.integrity === entry.integrity &&
      existsSync(path.join(RUNTIMES_ROOT, where))
    );
  });
}

function packagesOf(file: string): Record<string, LockEntry> {
  return (JSON.parse(readFileSync(file, "utf8")) as { packages: Record<string, LockEntry> }).packages;
}

import { spawn } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import { afterEach, beforeEach, vi } from "vitest";
import { defined } from "./defined.ts";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX_CLI = path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");

/** What the scripts' command lines call, by script name: imported on first use, since the generators are slow to load. */
const ENTRY_POINTS = {
  generate: async (root: string, args: string[]) => {
    const { generate } = await import("../../scripts/generate.ts");
    await generate({ root, check: args.includes("--check") });
  },
  "lint-spec": async (root: string) => {
    const { lintSpec } = await import("../../scripts/lint-spec.ts");
    await lintSpec(root);
  },
  "check-breaking": async (root: string) => {
    const { checkBreaking } = await import("../../scripts/check-breaking.ts");
    console.log(await checkBreaking(root));
  },
};

export interface ScriptRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * A throw-away copy of the project's spec, lint config and committed generated/ in a temporary
 * folder, on which the real pipeline scripts run, so a test can break the spec freely.
 */
export class ProjectCopy {
  private constructor(readonly root: string) {}

  static async create(entries: string[] = ["openapi", "generated", "redocly.yaml"]): Promise<ProjectCopy> {
    const root = await mkdtemp(path.join(tmpdir(), "piriod-spec-"));
    // redocly.yaml loads the rules of the x-piriod-* extensions from lint/: a copy of the one takes the other.
    const copied = entries.includes("redocly.yaml") && !entries.includes("lint") ? [...entries, "lint"] : entries;
    for (const entry of copied) {
      await cp(path.join(REPO_ROOT, entry), path.join(root, entry), { recursive: true });
    }
    return new ProjectCopy(root);
  }

  /** Runs `scripts/<name>.ts` of the repository with this copy as its working directory. */
  runScript(name: string, ...args: string[]): Promise<ScriptRun> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [TSX_CLI, path.join(REPO_ROOT, "scripts", `${name}.ts`), ...args], {
        cwd: this.root,
        env: { ...process.env, NO_COLOR: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
      });
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ status: code ?? 1, stdout, stderr }));
    });
  }

  /**
   * Runs a pipeline script's entry point in this process, with this copy as its root: what the
   * script would print, and its exit status. Loading the generators takes longer than most of
   * their runs, so a suite runs one script of each kind through `runScript`, for its command
   * line, and the rest here.
   */
  async runInProcess(name: keyof typeof ENTRY_POINTS, ...args: string[]): Promise<ScriptRun> {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...parts) => stdout.push(`${format(...parts)}\n`));
    const error = vi.spyOn(console, "error").mockImplementation((...parts) => stderr.push(`${format(...parts)}\n`));
    try {
      await ENTRY_POINTS[name](this.root, args);
      return { status: 0, stdout: stdout.join(""), stderr: stderr.join("") };
    } catch (failure) {
      // As reportFailure prints it.
      const { PipelineError } = await import("../../scripts/lib/pipeline-error.ts");
      stderr.push(`${failure instanceof PipelineError ? failure.message : format(failure)}\n`);
      return { status: 1, stdout: stdout.join(""), stderr: stderr.join("") };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  }

  /** Rewrites a file of the copy; fails when `search` is not in it, so an edit cannot silently miss. */
  async edit(file: string, search: string | RegExp, replacement: string): Promise<void> {
    const target = path.join(this.root, file);
    const before = await readFile(target, "utf8");
    const found =
      typeof search === "string"
        ? before.includes(search)
        : new RegExp(search.source, search.flags.replace("g", "")).test(before);
    if (!found) throw new Error(`edit of ${file}: ${String(search)} not found`);
    await writeFile(target, before.replace(search, replacement));
  }

  async write(file: string, content: string): Promise<void> {
    await writeFile(path.join(this.root, file), content);
  }

  /** Every file under a folder of the copy with its content, to prove a run left it untouched. */
  async snapshot(dir: string): Promise<Record<string, string>> {
    const files: Record<string, string> = {};
    const base = path.join(this.root, dir);
    for (const entry of await readdir(base, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      files[path.relative(base, full)] = await readFile(full, "utf8");
    }
    return files;
  }

  async remove(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}

/** A fresh project copy (of `entries`) for each test of the calling suite, removed after it. */
export function useProjectCopy(entries?: string[]): () => ProjectCopy {
  let copy: ProjectCopy | undefined;
  beforeEach(async () => {
    copy = await ProjectCopy.create(entries);
  });
  afterEach(async () => {
    await copy?.remove();
  });
  return () => defined(copy, "the project copy, made before each test");
}

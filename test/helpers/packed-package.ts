import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { defined } from "./defined.ts";
import { REPO_ROOT } from "./project-copy.ts";
import { runtimeDependencyFolders } from "./runtime-dependencies.ts";
import { type TypecheckResult, tsc } from "./tsc.ts";

export const execFileAsync = promisify(execFile);

export interface PackedPackage {
  tarball: string;
  /** Paths inside the package, as `npm pack` lists them. */
  files: string[];
}

/** `npm pack` of the repository as it was built (`npm run build` makes dist/). */
export async function packPackage(destination: string): Promise<PackedPackage> {
  if (!existsSync(path.join(REPO_ROOT, "dist", "src", "index.js"))) {
    throw new Error("dist/ is missing: run `npm run build` before the package tests");
  }
  const [report] = await npmPack([REPO_ROOT], destination);
  const { tarball, files } = defined(report, "npm pack's report on the package");
  return { tarball, files };
}

/**
 * Tarballs of the package's runtime dependencies, packed from the repository's node_modules, so
 * that a consumer project gets them from this machine as the lockfile pinned them.
 */
export async function packRuntimeDependencies(destination: string): Promise<string[]> {
  const reports = await npmPack(await runtimeDependencyFolders(REPO_ROOT), destination);
  return reports.map((report) => report.tarball);
}

async function npmPack(folders: string[], destination: string): Promise<PackedPackage[]> {
  const { stdout } = await execFileAsync(
    "npm",
    ["pack", "--json", "--ignore-scripts", "--pack-destination", destination, ...folders],
    { cwd: REPO_ROOT },
  );
  const reports = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  return reports.map((report) => ({
    tarball: path.join(destination, report.filename),
    files: report.files.map((file) => file.path),
  }));
}

export interface TypecheckOptions {
  moduleResolution: "nodenext" | "bundler";
  /** The TypeScript package under the repository's node_modules (default: the project's own). */
  typescript?: string;
  /** Gives the project Node's types (`@types/node`). */
  nodeTypes?: boolean;
}

/**
 * A fresh consumer project in a temporary folder with tarballs installed: the packed package and
 * its dependencies. `--offline` with an empty cache of its own: nothing leaves the machine, and a
 * dependency not handed over as a tarball fails the install on every machine alike, rather than
 * only on one whose npm cache never saw it.
 */
export class ConsumerProject {
  private constructor(readonly root: string) {}

  static async create(tarballs: string[]): Promise<ConsumerProject> {
    const root = await mkdtemp(path.join(tmpdir(), "piriod-consumer-"));
    const cache = await mkdtemp(path.join(tmpdir(), "piriod-npm-cache-"));
    await writeFile(
      path.join(root, "package.json"),
      JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2),
    );
    try {
      await execFileAsync(
        "npm",
        ["install", "--offline", "--cache", cache, "--no-audit", "--no-fund", "--ignore-scripts", ...tarballs],
        { cwd: root },
      );
    } catch (error) {
      await rm(root, { recursive: true, force: true });
      throw error;
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
    return new ConsumerProject(root);
  }

  /** The consumer project already installed at `root`. */
  static at(root: string): ConsumerProject {
    return new ConsumerProject(root);
  }

  /**
   * Runs `tsc -p` on a tsconfig written for `files`, with the given TypeScript package. Without
   * `nodeTypes` the project has no `@types/node` at all, as a project for browsers or workers.
   */
  async typecheck(files: string[], options: TypecheckOptions): Promise<TypecheckResult> {
    const module = options.moduleResolution === "nodenext" ? "nodenext" : "esnext";
    // A config of its own: test files share the consumer project and may type-check at once.
    const config = path.join(this.root, `tsconfig.${randomUUID()}.json`);
    await writeFile(
      config,
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          target: "ES2022",
          // DOM: the client's types use the standard Request, Response and Headers.
          lib: ["ES2022", "DOM"],
          module,
          moduleResolution: options.moduleResolution,
          ...(options.nodeTypes
            ? { typeRoots: [path.join(REPO_ROOT, "node_modules", "@types")], types: ["node"] }
            : { types: [] }),
        },
        files,
      }),
    );
    return tsc(config, this.root, options.typescript);
  }

  /**
   * Runs an ES module (or, with `commonjs`, a CommonJS script) in the consumer project; `conditions`
   * are export conditions Node resolves by before its own (`browser`), and `flags` other options of node's.
   */
  async node(
    code: string,
    {
      commonjs = false,
      env = {},
      conditions = [],
      flags = [],
    }: {
      commonjs?: boolean;
      env?: Record<string, string>;
      conditions?: readonly string[];
      flags?: readonly string[];
    } = {},
  ): Promise<string> {
    const options = [...conditions.map((condition) => `--conditions=${condition}`), ...flags];
    const { stdout } = await execFileAsync(
      process.execPath,
      [...options, commonjs ? "--input-type=commonjs" : "--input-type=module", "-e", code],
      {
        cwd: this.root,
        env: { ...process.env, ...env },
      },
    );
    return stdout;
  }

  async remove(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}

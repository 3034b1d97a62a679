import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "./project-copy.ts";

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
  const { stdout } = await execFileAsync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", destination], { cwd: REPO_ROOT });
  const [report] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  return { tarball: path.join(destination, report!.filename), files: report!.files.map((file) => file.path) };
}

/**
 * A fresh consumer project in a temporary folder with the packed package installed from the
 * tarball. `--offline`: dependencies come from npm's cache, so nothing leaves the machine.
 */
export class ConsumerProject {
  private constructor(readonly root: string) {}

  static async create(tarball: string): Promise<ConsumerProject> {
    const root = await mkdtemp(path.join(tmpdir(), "piriod-consumer-"));
    await writeFile(path.join(root, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2));
    await execFileAsync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball], { cwd: root });
    return new ConsumerProject(root);
  }

  /** Runs `tsc -p` on a tsconfig written for `files`, with the given TypeScript package. */
  async typecheck(files: string[], options: { moduleResolution: "nodenext" | "bundler"; typescript?: string }): Promise<{ ok: boolean; output: string }> {
    const module = options.moduleResolution === "nodenext" ? "nodenext" : "esnext";
    const config = path.join(this.root, `tsconfig.${options.moduleResolution}.json`);
    await writeFile(
      config,
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          module,
          moduleResolution: options.moduleResolution,
          typeRoots: [path.join(REPO_ROOT, "node_modules", "@types")],
          types: ["node"],
        },
        files,
      }),
    );
    const tsc = path.join(REPO_ROOT, "node_modules", options.typescript ?? "typescript", "bin", "tsc");
    try {
      const { stdout } = await execFileAsync(process.execPath, [tsc, "-p", config], { cwd: this.root });
      return { ok: true, output: stdout };
    } catch (error) {
      return { ok: false, output: (error as { stdout: string }).stdout };
    }
  }

  /** Runs an ES module (or, with `commonjs`, a CommonJS script) in the consumer project. */
  async node(code: string, { commonjs = false, env = {} }: { commonjs?: boolean; env?: Record<string, string> } = {}): Promise<string> {
    const { stdout } = await execFileAsync(process.execPath, [commonjs ? "--input-type=commonjs" : "--input-type=module", "-e", code], {
      cwd: this.root,
      env: { ...process.env, ...env },
    });
    return stdout;
  }

  async remove(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO_ROOT } from "./project-copy.ts";
import { tsc } from "./tsc.ts";

export interface SampleDiagnostic {
  /** The sample's name, as passed in. */
  sample: string;
  /** 1-based line in the sample; 0 when the compiler names no position. */
  line: number;
  /** TypeScript's code for the error (2322 in `TS2322`), which stays when its wording changes. */
  code: number;
  message: string;
}

/**
 * Type-checks code samples as a reader's project would compile them: each sample is an ES module
 * (`.mts`, so top-level `await` is allowed) in a throw-away project that has the repository's
 * compiler options and resolves each module of `modules` (`@piriod/api` → src/index.ts) to its
 * source instead of node_modules.
 * Returns the diagnostics of the samples, keyed by sample name; the entry's own errors are
 * left to `npm run typecheck`.
 */
export async function typeCheckSamples(
  samples: Record<string, string>,
  modules: Record<string, string>,
): Promise<SampleDiagnostic[]> {
  const project = await mkdtemp(path.join(tmpdir(), "piriod-samples-"));
  try {
    const sources = Object.entries(samples).map(
      ([name, source]) => [path.join(project, `${name}.mts`), source] as const,
    );
    await Promise.all(sources.map(([file, source]) => writeFile(file, source)));
    const files = sources.map(([file]) => file);
    const config = {
      extends: path.join(REPO_ROOT, "tsconfig.json"),
      compilerOptions: {
        paths: Object.fromEntries(Object.entries(modules).map(([name, source]) => [name, [source]])),
        // The project lives outside the repository, so @types/node is named where it is.
        typeRoots: [path.join(REPO_ROOT, "node_modules", "@types")],
        noEmit: true,
      },
      files,
    };
    await writeFile(path.join(project, "tsconfig.json"), JSON.stringify(config, null, 2));
    // One verdict on every sample: TypeScript 7's native compiler gives it several times faster than
    // 5.9, which `npm run typecheck` runs over the client the samples call.
    const run = await tsc("tsconfig.json", project, "typescript-7");
    const ofSamples = run.diagnostics
      .filter((diagnostic) => diagnostic.file.endsWith(".mts") && !diagnostic.file.includes("/"))
      .map(({ file, line, code, message }) => ({
        sample: file.replace(/\.mts$/, ""),
        line,
        code: Number(code.slice("TS".length)),
        message,
      }));
    // An error of the project as a whole (its options) names no file: it fails every sample.
    if (!run.ok && run.diagnostics.length === 0)
      return [{ sample: "(project)", line: 0, code: 0, message: run.output }];
    return ofSamples;
  } finally {
    await rm(project, { recursive: true, force: true });
  }
}

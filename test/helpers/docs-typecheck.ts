import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "./project-copy.ts";

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
    const configFile = path.join(project, "tsconfig.json");
    await writeFile(configFile, JSON.stringify(config, null, 2));
    const parsed = ts.getParsedCommandLineOfConfigFile(
      configFile,
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    );
    if (!parsed) throw new Error(`TypeScript could not read ${configFile}`);
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
    return ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => !diagnostic.file || diagnostic.file.fileName.startsWith(project))
      .map((diagnostic) => located(diagnostic, project));
  } finally {
    await rm(project, { recursive: true, force: true });
  }
}

function located(diagnostic: ts.Diagnostic, project: string): SampleDiagnostic {
  const { code } = diagnostic;
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  if (!diagnostic.file || diagnostic.start === undefined) return { sample: "(project)", line: 0, code, message };
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const sample = path.relative(project, diagnostic.file.fileName).replace(/\.mts$/, "");
  return { sample, line: line + 1, code, message };
}

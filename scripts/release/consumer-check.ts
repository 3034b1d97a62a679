import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PipelineError } from "../lib/pipeline-error.ts";

const execFileAsync = promisify(execFile);
const require = createRequire(import.meta.url);
/** TypeScript 7's tsc, which its package does not export. */
const TSC = path.join(path.dirname(require.resolve("typescript-7/package.json")), "bin", "tsc");

/**
 * Type-checks a consumer file of an earlier release against the package as built now (dist/),
 * strictly and under `nodenext`, as a team that upgrades would compile it. Returns tsc's
 * complaints, empty when the file still compiles.
 */
export async function typecheckConsumer(root: string, consumerFile: string): Promise<string> {
  if (!existsSync(path.join(root, "dist", "src", "index.d.ts"))) {
    throw new PipelineError("check:breaking: dist/ is missing; run `npm run build` first");
  }
  const scratch = await mkdtemp(path.join(tmpdir(), "piriod-consumer-check-"));
  try {
    // The package is linked in as `@piriod/api`, so imports resolve through its `exports` map.
    await mkdir(path.join(scratch, "node_modules", "@piriod"), { recursive: true });
    await symlink(root, path.join(scratch, "node_modules", "@piriod", "api"));
    await writeFile(path.join(scratch, "package.json"), JSON.stringify({ type: "module", private: true }));
    await copyFile(consumerFile, path.join(scratch, "consumer.ts"));
    await writeFile(
      path.join(scratch, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          module: "nodenext",
          moduleResolution: "nodenext",
          typeRoots: [path.join(root, "node_modules", "@types")],
          types: ["node"],
        },
        files: ["consumer.ts"],
      }),
    );
    try {
      // One verdict is enough here (test/package/consumer-types.test.ts compiles consumers with each
      // TypeScript the README names): TypeScript 7's native compiler gives it several times faster.
      await execFileAsync(process.execPath, [TSC, "-p", scratch], {
        cwd: scratch,
      });
      return "";
    } catch (error) {
      return ((error as { stdout?: string }).stdout ?? String(error)).trim();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

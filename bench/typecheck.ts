/**
 * What depending on the package costs a consumer's type-check: `tsc --noEmit` of a file that uses
 * it beside an empty file, with `skipLibCheck` on (as most projects set it) and off.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { processWallMs } from "./lib/child-process.ts";
import { defined } from "./lib/defined.ts";
import { type Benchmark, figure, signed } from "./lib/report.ts";
import { alternatingRounds } from "./lib/stats.ts";
import { REPO, workspace } from "./lib/workspace.ts";

/** What a team that depends on the package writes: the package test's consumer file. */
const CONSUMER = path.join(REPO, "test", "package", "consumer.ts");

async function writeProject(dir: string, file: string, skipLibCheck: boolean): Promise<string> {
  const config = path.join(dir, `tsconfig.${path.basename(file, ".ts")}.${skipLibCheck ? "skip" : "full"}.json`);
  const compilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck,
    target: "ES2022",
    lib: ["ES2022"],
    module: "nodenext",
    moduleResolution: "nodenext",
    types: ["node"],
  };
  await writeFile(config, JSON.stringify({ compilerOptions, files: [file] }));
  return config;
}

export const benchTypecheck: Benchmark = async ({ quick }) => {
  const rounds = quick ? 2 : 5;
  const { dir } = await workspace();
  const project = path.join(dir, "typecheck");
  await mkdir(project, { recursive: true });
  await writeFile(path.join(project, "consumer.ts"), await readFile(CONSUMER, "utf8"));
  await writeFile(path.join(project, "empty.ts"), "export {};\n");
  const tsc = path.join(dir, "node_modules", "typescript", "bin", "tsc");
  const contenders: Record<string, () => Promise<number>> = {};
  for (const skipLibCheck of [true, false]) {
    for (const file of ["empty.ts", "consumer.ts"]) {
      const config = await writeProject(project, path.join(project, file), skipLibCheck);
      contenders[`${file}\t${skipLibCheck}`] = () => processWallMs([tsc, "-p", config]);
    }
  }
  const results = await alternatingRounds(contenders, rounds);
  const rows = [true, false].map((skipLibCheck) => {
    const result = (file: string) => defined(results[`${file}\t${skipLibCheck}`], `the times of ${file}`);
    const empty = result("empty.ts");
    const consumer = result("consumer.ts");
    return [skipLibCheck ? "on" : "off", figure(empty), figure(consumer), signed(consumer.median - empty.median, 0)];
  });
  return {
    title: "Consumer type-checking",
    intro: `\`tsc --noEmit\` (TypeScript ${JSON.parse(await readFile(path.join(REPO, "node_modules", "typescript", "package.json"), "utf8")).version}, strict, \`nodenext\`, lib ES2022 with @types/node, as a Node project sets it) in a project that depends on the package as built: \`test/package/consumer.ts\` (a client, a call, the error classes, the validators and the generated types) beside an empty file, in fresh processes, ${rounds} alternating rounds. Both include @types/node, so the difference is what the package costs.`,
    tables: [{ headers: ["skipLibCheck", "empty file (ms)", "consumer file (ms)", "consumer − empty (ms)"], rows }],
  };
};

import { copyFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { defined } from "../helpers/defined.ts";
import { installedPackage } from "../helpers/installed-package.ts";
import type { TypecheckOptions } from "../helpers/packed-package.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";
import type { Diagnostic, TypecheckResult } from "../helpers/tsc.ts";

// The packed package's types as consumers compile them: strict, `skipLibCheck` off, without
// `@types/node` unless a test gives it, with each TypeScript the README names.
const HERE = path.dirname(new URL(import.meta.url).pathname);

/** The TypeScript packages of node_modules, by the version the README names. */
const TYPESCRIPT = {
  "7": "typescript-7",
  "5.9": "typescript",
  "5.8": "typescript-5.8",
  "5.4": "typescript-oldest",
} as const;
type Version = keyof typeof TYPESCRIPT;

/** ES module consumers: the last release's consumer code, the Node entry as bundler projects reach it, and tests with the fake. */
const ESM_CONSUMERS = ["consumer.ts", "consumers/node-entry.ts", "consumers/testing-entry.ts"];
/** CommonJS consumers: `import x = require(…)`, and `import` statements, which compile to `require`, of the client and of the fake. */
const COMMONJS_CONSUMERS = [
  "consumers/commonjs-require.cts",
  "consumers/commonjs-import.cts",
  "consumers/commonjs-testing.cts",
];
const NODE_AGENT_CONSUMER = "consumers/node-agent.ts";

/**
 * Misuses that must not compile: each gives one error, of the code named, where the text `at`
 * starts in the file, naming what `names` says when given. Codes and places, not TypeScript's
 * wording, which changes between its versions.
 */
const MISUSES = [
  { file: "unknown-field.ts", code: "TS2353", at: "nickname", names: "nickname" },
  { file: "wrong-type.ts", code: "TS2322", at: "state" },
  { file: "missing-required.ts", code: "TS2741", at: "body", names: "address" },
  { file: "read-only-field.ts", code: "TS2353", at: "id:", names: "id" },
  { file: "agent-options.ts", code: "TS2739", at: "agent:", names: "destroy" },
];
/** One verdict is enough for a misuse: TypeScript 7, whose native compiler gives it several times faster. */
const MISUSE_TYPESCRIPT: Version = "7";

/**
 * The files each compile checks: one program for every set of options, holding every file whose
 * verdict those options give, so each TypeScript reads the package's types once a resolution.
 * A test reads the errors of its own files, and of the package's (a file no test owns).
 */
function filesFor(version: Version, options: Omit<TypecheckOptions, "typescript">): string[] {
  if (options.nodeTypes) return [NODE_AGENT_CONSUMER];
  if (options.moduleResolution === "bundler") return ESM_CONSUMERS;
  return [
    ...(version === "5.8" ? [] : ESM_CONSUMERS),
    ...COMMONJS_CONSUMERS,
    ...(version === MISUSE_TYPESCRIPT ? MISUSES.map((misuse) => misuse.file) : []),
  ];
}

const compiles = new Map<string, Promise<TypecheckResult & { files: string[] }>>();
function compiled(version: Version, options: Omit<TypecheckOptions, "typescript">) {
  const key = JSON.stringify([version, options]);
  let compile = compiles.get(key);
  if (!compile) {
    const files = filesFor(version, options);
    compile = installedPackage()
      .consumer.typecheck(files, { ...options, typescript: TYPESCRIPT[version] })
      .then((result) => ({ ...result, files }));
    compiles.set(key, compile);
  }
  return compile;
}

/** The errors `version` gives `files` under `options`, and any in the package's own types. */
async function errorsIn(
  files: string[],
  version: Version,
  options: Omit<TypecheckOptions, "typescript">,
): Promise<Diagnostic[]> {
  const result = await compiled(version, options);
  const missing = files.filter((file) => !result.files.includes(file));
  if (missing.length > 0) throw new Error(`no compile with TypeScript ${version} checks ${missing.join(", ")}`);
  return result.diagnostics.filter((error) => files.includes(error.file) || !result.files.includes(error.file));
}

/** Where `text` first starts in a file of test/package: line and column, counted from 1 as tsc counts them. */
async function positionOf(file: string, text: string): Promise<{ line: number; column: number }> {
  const lines = (await readFile(path.join(HERE, "misuse", file), "utf8")).split("\n");
  const line = lines.findIndex((candidate) => candidate.includes(text));
  if (line < 0) throw new Error(`${text} is not in misuse/${file}`);
  return { line: line + 1, column: defined(lines[line], "the line").indexOf(text) + 1 };
}

// The files this suite compiles, and no other: the consumer project is shared with the other package suites.
beforeAll(async () => {
  const { root } = installedPackage().consumer;
  await mkdir(path.join(root, "consumers"), { recursive: true });
  for (const file of [...ESM_CONSUMERS, ...COMMONJS_CONSUMERS, NODE_AGENT_CONSUMER])
    await copyFile(path.join(HERE, file), path.join(root, file));
  for (const misuse of MISUSES) await copyFile(path.join(HERE, "misuse", misuse.file), path.join(root, misuse.file));
});

describe("the packed package's types", () => {
  it("are checked with the TypeScript versions the tests name", async () => {
    for (const [version, name] of Object.entries(TYPESCRIPT)) {
      const { version: installedVersion } = JSON.parse(
        await readFile(path.join(REPO_ROOT, "node_modules", name, "package.json"), "utf8"),
      ) as { version: string };
      expect(installedVersion, name).toMatch(new RegExp(`^${version.replace(".", "\\.")}\\.`));
    }
  });

  it.each(
    (["7", "5.9", "5.4"] as const).flatMap((typescript) =>
      (["nodenext", "bundler"] as const).map((moduleResolution) => [typescript, moduleResolution] as const),
    ),
  )(
    "compile for ES module consumers, without @types/node, with TypeScript %s and moduleResolution %s",
    async (typescript, moduleResolution) => {
      expect(await errorsIn(ESM_CONSUMERS, typescript, { moduleResolution })).toEqual([]);
    },
  );

  it.each(["7", "5.9", "5.8"] as const)(
    "compile for CommonJS consumers (.cts, require), without @types/node, with TypeScript %s and moduleResolution nodenext",
    async (typescript) => {
      expect(await errorsIn(COMMONJS_CONSUMERS, typescript, { moduleResolution: "nodenext" })).toEqual([]);
    },
  );

  it("do not compile for CommonJS consumers with TypeScript 5.4, which cannot type a require of an ES module", async () => {
    const errors = await errorsIn(COMMONJS_CONSUMERS, "5.4", { moduleResolution: "nodenext" });
    // TS1479: a CommonJS file importing an ES module; TS1471: `import x = require()` of one. One
    // error for each import of the package (@piriod/api, @piriod/api/validators and
    // @piriod/api/testing), and no other.
    expect(errors.map((error) => `${error.file}: ${error.code}`).sort()).toEqual([
      "consumers/commonjs-import.cts: TS1479",
      "consumers/commonjs-import.cts: TS1479",
      "consumers/commonjs-require.cts: TS1471",
      "consumers/commonjs-testing.cts: TS1479",
      "consumers/commonjs-testing.cts: TS1479",
    ]);
    for (const error of errors) expect(error.message).toContain("@piriod/api");
  });

  it.each(["7", "5.9"] as const)(
    "take an http.Agent and an https.Agent in a project with @types/node, with TypeScript %s and moduleResolution nodenext",
    async (typescript) => {
      expect(
        await errorsIn([NODE_AGENT_CONSUMER], typescript, { moduleResolution: "nodenext", nodeTypes: true }),
      ).toEqual([]);
    },
  );

  it.each(MISUSES)("refuse a misuse at compile time: $file", async ({ file, code, at, names }) => {
    const errors = await errorsIn([file], MISUSE_TYPESCRIPT, { moduleResolution: "nodenext" });
    expect(errors).toEqual([{ file, code, ...(await positionOf(file, at)), message: expect.any(String) }]);
    if (names) expect(defined(errors[0], "the error").message).toContain(names);
  });
});

import { copyFile, cp, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { installedPackage } from "../helpers/installed-package.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";

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

/** ES module consumers: the last release's consumer code, the Node entry as bundler projects reach it, and tests with the fake. */
const ESM_CONSUMERS = ["consumer.ts", "consumers/node-entry.ts", "consumers/testing-entry.ts"];
/** CommonJS consumers: `import x = require(…)`, and `import` statements, which compile to `require`, of the client and of the fake. */
const COMMONJS_CONSUMERS = [
  "consumers/commonjs-require.cts",
  "consumers/commonjs-import.cts",
  "consumers/commonjs-testing.cts",
];

/** Misuses that must not compile, and the TypeScript error each must give. */
const MISUSES = [
  { file: "unknown-field.ts", error: /error TS2353: Object literal may only specify known properties, and 'nickname'/ },
  { file: "wrong-type.ts", error: /error TS2322: Type 'string' is not assignable to type 'number'/ },
  { file: "missing-required.ts", error: /error TS2741: Property 'address' is missing/ },
  { file: "read-only-field.ts", error: /error TS2353: Object literal may only specify known properties, and 'id'/ },
  {
    file: "agent-options.ts",
    error:
      /error TS2739: Type '\{ keepAlive: boolean; timeout: number; \}' is missing the following properties from type 'NodeAgent': maxSockets, destroy/,
  },
];

beforeAll(async () => {
  const { root } = installedPackage().consumer;
  await copyFile(path.join(HERE, "consumer.ts"), path.join(root, "consumer.ts"));
  await cp(path.join(HERE, "consumers"), path.join(root, "consumers"), { recursive: true });
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
      const result = await installedPackage().consumer.typecheck(ESM_CONSUMERS, {
        moduleResolution,
        typescript: TYPESCRIPT[typescript],
      });
      expect(result.output).toBe("");
      expect(result.ok).toBe(true);
    },
  );

  it.each(["7", "5.9", "5.8"] as const)(
    "compile for CommonJS consumers (.cts, require), without @types/node, with TypeScript %s and moduleResolution nodenext",
    async (typescript) => {
      const result = await installedPackage().consumer.typecheck(COMMONJS_CONSUMERS, {
        moduleResolution: "nodenext",
        typescript: TYPESCRIPT[typescript],
      });
      expect(result.output).toBe("");
      expect(result.ok).toBe(true);
    },
  );

  it("do not compile for CommonJS consumers with TypeScript 5.4, which cannot type a require of an ES module", async () => {
    const result = await installedPackage().consumer.typecheck(COMMONJS_CONSUMERS, {
      moduleResolution: "nodenext",
      typescript: TYPESCRIPT["5.4"],
    });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(
      /error TS1479: The current file is a CommonJS module whose imports will produce 'require' calls; however, the referenced file is an ECMAScript module/,
    );
    expect(result.output).toMatch(/error TS1471: Module '@piriod\/api' cannot be imported using this construct/);
    // One error for each import of the package (@piriod/api, @piriod/api/validators and @piriod/api/testing), and no other.
    const errors = result.output.match(/^\S+\(\d+,\d+\): error TS\d+/gm) ?? [];
    expect(errors.map((error) => error.replace(/\(\d+,\d+\)/, ""))).toEqual([
      "consumers/commonjs-import.cts: error TS1479",
      "consumers/commonjs-import.cts: error TS1479",
      "consumers/commonjs-require.cts: error TS1471",
      "consumers/commonjs-testing.cts: error TS1479",
      "consumers/commonjs-testing.cts: error TS1479",
    ]);
    expect(result.output.match(/error TS/g)).toHaveLength(errors.length);
  });

  it.each(["7", "5.9"] as const)(
    "take an http.Agent and an https.Agent in a project with @types/node, with TypeScript %s and moduleResolution nodenext",
    async (typescript) => {
      const result = await installedPackage().consumer.typecheck(["consumers/node-agent.ts"], {
        moduleResolution: "nodenext",
        typescript: TYPESCRIPT[typescript],
        nodeTypes: true,
      });
      expect(result.output).toBe("");
      expect(result.ok).toBe(true);
    },
  );

  it.each(MISUSES)("refuse a misuse at compile time: $file", async ({ file, error }) => {
    const result = await installedPackage().consumer.typecheck([file], { moduleResolution: "nodenext" });
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(error);
    expect(result.output.match(/error TS/g)).toHaveLength(1);
  });
});

import { describe, expect, it } from "vitest";
import { cycles, importGraph, type ModuleName } from "../helpers/import-graph.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";

/*
 * The boundary between hand-written and generated code, in one sentence:
 *
 *   Generated code builds on the runtime, never the reverse: generated/ imports only the runtime modules of src/, the runtime
 *   imports neither generated/ nor an entry point, and only the package's entry points (the files of src/ that package.json exports
 *   or runs as a bin, and the MCP server's src/mcp/, built on them as a consumer's code is) join the two.
 *
 * So the runtime is written once for any spec, generated/ can be regenerated without touching src/, and an entry point (src/index.ts,
 * src/node.ts, src/testing/index.ts) hands the generated operation table, validators and types to the runtime. The test reads every
 * import of src/ and generated/ with TypeScript's pre-processor, type-only imports, `export … from` and `import()` included, and
 * also refuses any import cycle among them.
 */
const graph = await importGraph(REPO_ROOT);
const edges = [...graph.imports].flatMap(([from, targets]) => [...targets].map((to) => ({ from, to })));
const isGenerated = (module: ModuleName) => module.startsWith("generated/");
const isRuntime = (module: ModuleName) =>
  module.startsWith("src/") && !graph.entries.has(module) && !graph.consumers.has(module);

describe("the import graph of src/ and generated/", () => {
  it("is read whole: the entry points, the runtime and the generated modules are all in it", () => {
    expect([...graph.entries].sort()).toEqual([
      "src/contract-check/cli",
      "src/deno-and-bun",
      "src/index",
      "src/mcp/cli",
      "src/node",
      "src/testing/cli",
      "src/testing/index",
    ]);
    expect(graph.consumers).toContain("src/mcp/tools");
    expect(graph.imports.get("src/client")).toContain("src/call");
    expect(graph.imports.get("src/index")).toContain("generated/schema");
    expect(graph.imports.get("generated/validators/customer")).toContain("src/validator-runtime");
  });

  it("has no cycle, type-only imports included", () => {
    expect(cycles(graph.imports)).toEqual([]);
  });

  it("has no runtime module that imports generated/ or an entry point", () => {
    const crossing = edges.filter(({ from, to }) => isRuntime(from) && !isRuntime(to));
    expect(crossing.map(({ from, to }) => `${from} → ${to}`)).toEqual([]);
  });

  it("has no generated module that imports src/ but its runtime modules", () => {
    const crossing = edges.filter(({ from, to }) => isGenerated(from) && to.startsWith("src/") && !isRuntime(to));
    expect(crossing.map(({ from, to }) => `${from} → ${to}`)).toEqual([]);
  });
});

describe("cycles", () => {
  it("finds a module that imports itself and every module of a loop, and nothing in a tree", () => {
    const graphOf = (pairs: [string, string][]) => {
      const imports = new Map<string, Set<string>>();
      for (const [from, to] of pairs) {
        imports.set(from, (imports.get(from) ?? new Set()).add(to));
        if (!imports.has(to)) imports.set(to, new Set());
      }
      return imports;
    };
    expect(
      cycles(
        graphOf([
          ["a", "b"],
          ["b", "c"],
          ["c", "a"],
          ["c", "d"],
          ["e", "e"],
        ]),
      ),
    ).toEqual([["a", "b", "c"], ["e"]]);
    expect(
      cycles(
        graphOf([
          ["a", "b"],
          ["a", "c"],
          ["b", "c"],
        ]),
      ),
    ).toEqual([]);
  });
});

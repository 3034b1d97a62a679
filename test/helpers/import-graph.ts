import { existsSync } from "node:fs";
import path from "node:path";
import { filesUnder, importsOf } from "../../scripts/lib/module-imports.ts";
import { BUILT_AS_CONSUMERS, packageEntries } from "../../scripts/lib/package-entries.ts";

/** A module of the project by its path without extension (`src/errors`, `generated/converters`): a `.js` and its `.d.ts` are one. */
export type ModuleName = string;

/** The modules of src/ and generated/, each with the modules of the two it imports (type-only imports included). */
export interface ImportGraph {
  imports: Map<ModuleName, Set<ModuleName>>;
  /** The package's entry points: the modules of src/ that package.json exports or runs as a bin. */
  entries: Set<ModuleName>;
  /** The modules of bins built on the entry points as a consumer's code is (src/mcp/, the MCP server). */
  consumers: Set<ModuleName>;
}

const EXTENSION = /(\.d)?\.(ts|js)$/;

export async function importGraph(root: string): Promise<ImportGraph> {
  const name = (file: string): ModuleName => path.relative(root, file).split(path.sep).join("/").replace(EXTENSION, "");
  const files = [
    ...(await filesUnder(path.join(root, "src"), [".ts"])),
    ...(await filesUnder(path.join(root, "generated"), [".js", ".d.ts"])),
  ];
  const imports = new Map<ModuleName, Set<ModuleName>>();
  for (const file of files) {
    const targets = imports.get(name(file)) ?? new Set();
    for (const imported of await importsOf(file, existsSync)) {
      if (!path.isAbsolute(imported)) continue; // a package
      const target = name(imported);
      if (target.startsWith("src/") || target.startsWith("generated/")) targets.add(target);
    }
    imports.set(name(file), targets);
  }
  const entries = new Set(Object.values(await packageEntries(root)).map((file) => name(path.join(root, file))));
  const consumers = new Set(
    [...imports.keys()].filter((module) => BUILT_AS_CONSUMERS.some((folder) => module.startsWith(`${folder}/`))),
  );
  return { imports, entries, consumers };
}

/** Every cycle of the graph, as its modules (Tarjan's strongly connected components of more than one module, or one that imports itself). */
export function cycles(imports: Map<ModuleName, Set<ModuleName>>): ModuleName[][] {
  const index = new Map<ModuleName, number>();
  const lowLink = new Map<ModuleName, number>();
  const stack: ModuleName[] = [];
  const onStack = new Set<ModuleName>();
  const found: ModuleName[][] = [];
  const visit = (module: ModuleName) => {
    index.set(module, index.size);
    lowLink.set(module, index.get(module) ?? 0);
    stack.push(module);
    onStack.add(module);
    for (const target of imports.get(module) ?? []) {
      if (!index.has(target)) {
        visit(target);
        lowLink.set(module, Math.min(lowLink.get(module) ?? 0, lowLink.get(target) ?? 0));
      } else if (onStack.has(target)) {
        lowLink.set(module, Math.min(lowLink.get(module) ?? 0, index.get(target) ?? 0));
      }
    }
    if (lowLink.get(module) !== index.get(module)) return;
    const component: ModuleName[] = [];
    let member: ModuleName | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== module);
    if (component.length > 1 || imports.get(module)?.has(module)) found.push(component.sort());
  };
  for (const module of imports.keys()) if (!index.has(module)) visit(module);
  return found;
}

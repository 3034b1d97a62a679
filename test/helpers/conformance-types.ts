import path from "node:path";
import ts from "typescript";
import type { CorpusCase } from "./conformance-corpus.ts";
import { schemaUses } from "./conformance-schemas.ts";
import { defined } from "./defined.ts";
import { REPO_ROOT } from "./project-copy.ts";

export type Role = "request" | "response";

/**
 * Which faults the compiler can see, by JSON Schema keyword. A request body is checked as the
 * object literal a caller writes, so an unknown key is an excess-property error; a response is a
 * value from the network, which may carry keys the type does not name. Lengths, formats and
 * integers are beyond TypeScript's types (a float is a `number`): such cases compile. A case whose
 * keyword cannot tell sets `typescript` and `because` (see the corpus README).
 */
const EXPRESSIBLE: Record<Role, ReadonlySet<string>> = {
  request: new Set(["type", "required", "additionalProperties", "enum"]),
  response: new Set(["type", "required", "enum"]),
};

export function expectedTypeVerdict(entry: CorpusCase, role: Role): "compiles" | "errors" {
  if (entry.typescript) return entry.typescript.verdict;
  if (entry.valid) return "compiles";
  return entry.errors.some((error) => EXPRESSIBLE[role].has(error.keyword)) ? "errors" : "compiles";
}

/** One typed assignment of the generated file. */
export interface TypedCase {
  entry: CorpusCase;
  role: Role;
  /** Its line in the generated file, 1-based. */
  line: number;
  /** What the compiler said about that line. */
  errors: string[];
}

export interface CorpusTypeCheck {
  source: string;
  cases: TypedCase[];
  /** Diagnostics anywhere but a case's line: the harness itself is broken. */
  stray: string[];
}

// Never written to disk: the compiler host serves it, so the import below resolves as from here.
const VIRTUAL_FILE = path.join(REPO_ROOT, "test", "conformance", "corpus-types.generated.ts");

const PRELUDE = [
  `import type { components } from "../../generated/schema.js";`,
  `type Schema<Name extends keyof components["schemas"]> = components["schemas"][Name];`,
  // What JSON.parse hands back, as the compiler sees a typed value: literal types are kept (so
  // "deleted" is not widened to string), arrays are mutable, and, not being an object literal,
  // it may carry keys the type does not name.
  `type DeepMutable<T> = T extends readonly (infer Item)[] ? DeepMutable<Item>[] : T extends object ? { -readonly [Key in keyof T]: DeepMutable<T[Key]> } : T;`,
  `declare function fromNetwork<const T>(value: T): DeepMutable<T>;`,
];

/** The roles each schema plays in the spec's operations: request body, response, or both. */
function rolesOf(schema: string): Role[] {
  const roles = [
    ...new Set(
      schemaUses()
        .filter((use) => use.schema === schema)
        .map((use) => use.role),
    ),
  ];
  if (roles.length === 0)
    throw new Error(`schema "${schema}" is neither a request body nor a response of any operation`);
  return roles.sort();
}

/** Writes a file of one typed assignment per case and role, compiles it against generated/schema.d.ts. */
export function typeCheckCorpus(corpus: CorpusCase[]): CorpusTypeCheck {
  const lines = [...PRELUDE];
  const cases: TypedCase[] = [];
  corpus.forEach((entry, index) => {
    for (const role of rolesOf(entry.schema)) {
      const value =
        role === "request" ? JSON.stringify(entry.payload) : `fromNetwork(${JSON.stringify(entry.payload)})`;
      lines.push(`const ${role}${index}: Schema<${JSON.stringify(entry.schema)}> = ${value};`);
      cases.push({ entry, role, line: lines.length, errors: [] });
    }
  });
  const source = `${lines.join("\n")}\n`;
  const diagnostics = compile(source);
  const byLine = new Map(cases.map((typed) => [typed.line, typed]));
  const stray: string[] = [];
  for (const { line, message } of diagnostics) {
    const typed = line === undefined ? undefined : byLine.get(line);
    if (typed) typed.errors.push(message);
    else stray.push(`line ${line ?? "?"}: ${message}`);
  }
  return { source, cases, stray };
}

function compile(source: string): { line?: number; message: string }[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(REPO_ROOT, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new Error("tsconfig.json could not be read");
  // The project's strictness, without the ambient Node types the file does not use.
  const options: ts.CompilerOptions = { ...config.options, noEmit: true, types: [] };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, version, ...rest) =>
    path.resolve(name) === VIRTUAL_FILE
      ? ts.createSourceFile(name, source, version)
      : getSourceFile.call(host, name, version, ...rest);
  host.fileExists = (name) => path.resolve(name) === VIRTUAL_FILE || fileExists.call(host, name);
  host.readFile = (name) => (path.resolve(name) === VIRTUAL_FILE ? source : readFile.call(host, name));
  const program = ts.createProgram({ rootNames: [VIRTUAL_FILE], options, host });
  const file = defined(program.getSourceFile(VIRTUAL_FILE), "the compiled source file");
  const all = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(file),
    ...program.getSemanticDiagnostics(file),
  ];
  return all.map((diagnostic) => ({
    line:
      diagnostic.file === file && diagnostic.start !== undefined
        ? file.getLineAndCharacterOfPosition(diagnostic.start).line + 1
        : undefined,
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
  }));
}

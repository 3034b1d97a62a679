import path from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { defined } from "../helpers/defined.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";

// What a consumer's editor and compiler show: the names of the spec's schemas, not
// `components["schemas"]["Country"]` or an expansion of its fields.
const CONSUMER = path.join(REPO_ROOT, "test", "types", "named-types.consumer.ts");
const SOURCE = `
import { createPiriodClient } from "../../src/index.js";
import type { Contact, Country, Customer, CustomerStatus, CustomerUpdate, State } from "../../src/index.js";
declare const customer: Customer;
export const country = customer.country;
export const state = customer.state;
export const contacts = customer.contacts;
export const status = customer.status;
export const retrieved = createPiriodClient({ apiKey: "sk", workspace: "acc" }).customers.retrieve("cus_1");
export type Named = [Contact, Country, CustomerStatus, CustomerUpdate, State];
export const missing: Customer = { name: "Andes SpA" };
export const wrongCountry: Customer = { name: "Andes SpA", address: "Av. Providencia 1234", country: "CL", state: { id: 13 } };
`;

let program: ts.Program;
let source: ts.SourceFile;

beforeAll(() => {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    types: [],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (file === CONSUMER ? SOURCE : readFile(file));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => file === CONSUMER || fileExists(file);
  program = ts.createProgram([CONSUMER], options, host);
  source = defined(program.getSourceFile(CONSUMER), "the consumer's source file");
});

/** The type of an exported `const`, as a hover shows it. */
function typeOf(name: string): string {
  const checker = program.getTypeChecker();
  const declaration = defined(
    source.statements
      .filter(ts.isVariableStatement)
      .flatMap((statement) => [...statement.declarationList.declarations])
      .find((candidate) => candidate.name.getText(source) === name),
    `the declaration of ${name}`,
  );
  return checker.typeToString(checker.getTypeAtLocation(declaration.name), undefined, ts.TypeFormatFlags.NoTruncation);
}

function diagnosticsOn(name: string): string {
  const line = SOURCE.split("\n").findIndex((text) => text.includes(`const ${name}`));
  return ts
    .getPreEmitDiagnostics(program, source)
    .filter(
      (diagnostic) =>
        diagnostic.start !== undefined && source.getLineAndCharacterOfPosition(diagnostic.start).line === line,
    )
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"))
    .join("\n");
}

describe("the spec's schemas, as consumers see them", () => {
  it("are all exported from the package root under their own names", () => {
    const unresolved = ts
      .getPreEmitDiagnostics(program, source)
      .filter((diagnostic) => diagnostic.code === 2305 || diagnostic.code === 2724);
    expect(unresolved.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"))).toEqual([]);
  });

  it.each([
    ["country", "Country"],
    ["state", "State"],
    ["contacts", "Contact[] | undefined"],
    ["status", "CustomerStatus | undefined"],
    ["retrieved", "PiriodPromise<Customer>"],
  ])("show %s as %s in a hover", (name, shown) => {
    expect(typeOf(name)).toBe(shown);
  });

  // The names TypeScript quotes, not its wording, which changes between its versions.
  it("are named in compiler errors", () => {
    expect(diagnosticsOn("missing")).toContain("'Customer'");
    expect(diagnosticsOn("missing")).toMatch(/address, country, state/);
    expect(diagnosticsOn("wrongCountry")).toContain("'Country'");
  });
});

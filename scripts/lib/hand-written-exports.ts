import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { packageEntries } from "./package-entries.ts";

/** The project these scripts belong to: its src/ is the client a spec in a copy without one is generated for. */
const SCRIPTS_PROJECT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The names the package's entry points export from hand-written code: what `export { … }` lists
 * and what is declared with `export` in each entry point. (`export *` adds no name of its own
 * here: it is how the generated code reaches the package root.)
 */
export async function handWrittenExports(projectRoot: string): Promise<Set<string>> {
  const root = existsSync(path.join(projectRoot, "src")) ? projectRoot : SCRIPTS_PROJECT;
  const files = Object.values(await packageEntries(root));
  const names = new Set<string>();
  for (const file of files) {
    const text = await readFile(path.join(root, file), "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
    for (const statement of source.statements) {
      if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) names.add(element.name.text);
      } else if (
        ts.canHaveModifiers(statement) &&
        ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
      ) {
        if (ts.isVariableStatement(statement)) {
          for (const declaration of statement.declarationList.declarations)
            if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
        } else if ("name" in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
          names.add((statement.name as ts.Identifier).text);
        }
      }
    }
  }
  return names;
}

import ts from "typescript";

/**
 * What the generators build code with: TypeScript's factory, a few helpers over it (after openapi-typescript's src/lib/ts.ts),
 * and its printer. Code is made as nodes and printed, never pieced together as text.
 */
export const factory = ts.factory;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const EXPORT = factory.createModifier(ts.SyntaxKind.ExportKeyword);
const DECLARE = factory.createModifier(ts.SyntaxKind.DeclareKeyword);

/** `export`, and `declare` in a declaration file. */
export function exported({ declare = false } = {}): ts.Modifier[] {
  return declare ? [EXPORT, DECLARE] : [EXPORT];
}

/** Whether `name` can be written as an identifier. */
export function isIdentifierName(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** A property's name: an identifier where it can be one, else a string (`"x-simple-workspace"`). */
export function propertyName(name: string): ts.PropertyName {
  return isIdentifierName(name) ? factory.createIdentifier(name) : factory.createStringLiteral(name);
}

/** A JSON value as an expression: objects and arrays of strings, numbers, booleans and `null`. */
export function jsonExpression(value: unknown): ts.Expression {
  if (value === null) return factory.createNull();
  if (typeof value === "string") return factory.createStringLiteral(value);
  if (typeof value === "boolean") return value ? factory.createTrue() : factory.createFalse();
  if (typeof value === "number") {
    const magnitude = factory.createNumericLiteral(Math.abs(value));
    return value < 0 ? factory.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, magnitude) : magnitude;
  }
  if (Array.isArray(value)) return factory.createArrayLiteralExpression(value.map(jsonExpression));
  if (typeof value === "object") return objectExpression(Object.entries(value));
  throw new TypeError(`${typeof value} is no JSON value`);
}

/** An object literal, one property a line, of names and the expressions (or JSON values) they hold. */
export function objectExpression(entries: [string, ts.Expression | unknown][]): ts.ObjectLiteralExpression {
  return factory.createObjectLiteralExpression(
    entries.map(([name, value]) =>
      factory.createPropertyAssignment(propertyName(name), isNode(value) ? value : jsonExpression(value)),
    ),
    true,
  );
}

function isNode(value: unknown): value is ts.Expression {
  return typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "number";
}

/** `import { a, b } from "module";`, or `import type { … }`. */
export function namedImport(names: readonly string[], from: string, { typeOnly = false } = {}): ts.ImportDeclaration {
  return factory.createImportDeclaration(
    undefined,
    factory.createImportClause(
      typeOnly,
      undefined,
      factory.createNamedImports(
        names.map((name) => factory.createImportSpecifier(false, undefined, factory.createIdentifier(name))),
      ),
    ),
    factory.createStringLiteral(from),
  );
}

/** `export { a, b } from "module";`, or `export type { … }`. */
export function namedExport(names: readonly string[], from: string, { typeOnly = false } = {}): ts.ExportDeclaration {
  return factory.createExportDeclaration(
    undefined,
    typeOnly,
    factory.createNamedExports(
      names.map((name) => factory.createExportSpecifier(false, undefined, factory.createIdentifier(name))),
    ),
    factory.createStringLiteral(from),
  );
}

/** `const name = value;`, exported or not, or `export declare const name: type;` with a type and no value. */
export function constStatement(
  name: string,
  { value, type, modifiers }: { value?: ts.Expression; type?: ts.TypeNode; modifiers?: ts.Modifier[] },
): ts.VariableStatement {
  return factory.createVariableStatement(
    modifiers,
    factory.createVariableDeclarationList(
      [factory.createVariableDeclaration(name, undefined, type, value)],
      ts.NodeFlags.Const,
    ),
  );
}

/** `import("specifier")`: a module loaded on first use. */
export function dynamicImport(specifier: string): ts.CallExpression {
  // The factory has no function for it: an import call is a call whose callee is the `import` keyword.
  const keyword = factory.createToken(ts.SyntaxKind.ImportKeyword) as ts.Expression;
  return factory.createCallExpression(keyword, undefined, [factory.createStringLiteral(specifier)]);
}

/** `Name` or `Name<Arguments>`. */
export function typeReference(name: string, typeArguments?: ts.TypeNode[]): ts.TypeReferenceNode {
  return factory.createTypeReferenceNode(name, typeArguments);
}

/** `Type["a"]["b"]`. */
export function indexedAccess(type: ts.TypeNode, ...keys: string[]): ts.TypeNode {
  return keys.reduce<ts.TypeNode>(
    (object, key) =>
      factory.createIndexedAccessTypeNode(object, factory.createLiteralTypeNode(factory.createStringLiteral(key))),
    type,
  );
}

/** `/** text *\/` before `node`, one line or several. */
export function withDoc<T extends ts.Node>(node: T, text: string | undefined): T {
  if (text === undefined || text.trim() === "") return node;
  const lines = text.trim().replace(/\*\//g, "*\\/").split("\n");
  const comment =
    lines.length === 1 ? `* ${lines[0]} ` : `*\n${lines.map((line) => ` *${line ? ` ${line}` : ""}`).join("\n")}\n `;
  return ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, comment, true);
}

/**
 * `statements` as the text of a module, a blank line between top-level declarations but for consecutive imports. Nodes parsed from
 * a file (not made by the factory) print their literals from its text: pass that file as `source`.
 */
export function printModule(
  statements: readonly ts.Statement[],
  source = ts.createSourceFile("module.ts", "", ts.ScriptTarget.Latest, false, ts.ScriptKind.TS),
): string {
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false });
  const file = source;
  let text = "";
  statements.forEach((statement, index) => {
    const previous = statements[index - 1];
    const grouped = previous !== undefined && isImportOrExportFrom(previous) && isImportOrExportFrom(statement);
    if (index > 0 && !grouped) text += "\n";
    text += `${printer.printNode(ts.EmitHint.Unspecified, statement, file)}\n`;
  });
  return text;
}

function isImportOrExportFrom(statement: ts.Statement): boolean {
  return (
    ts.isImportDeclaration(statement) || (ts.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined)
  );
}

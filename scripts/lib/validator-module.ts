import { createRequire } from "node:module";
import ts from "typescript";
import { keywordMessage } from "../../src/validator-runtime.ts";
import { PipelineError } from "./pipeline-error.ts";
import { exported, factory, namedImport, printModule } from "./ts-nodes.ts";

const require = createRequire(import.meta.url);
const AJV_VERSION = (require("ajv/package.json") as { version: string }).version;

/** The name ajv's standalone code reaches the format checks by (its `code.formats` option), as src/validator-formats.ts exports them. */
export const FORMATS_NAME = "fullFormats";
/** The name of the validator in ajv's standalone code for one schema: `standaloneCode(ajv, { [CHECK_EXPORT]: id })`. */
export const CHECK_EXPORT = "check";

/** Where a generated validator (generated/validators/<schema>.js) finds the code it shares with the others. */
const RUNTIME_MODULE = "../../src/validator-runtime.js";
const FORMATS_MODULE = "../../src/validator-formats.js";

/**
 * ajv's run-time helpers that standalone code `require`s, by the code it reaches each with (the `code` ajv gives the function
 * itself: `require("ajv/dist/runtime/ucs2length").default`), and the export of src/validator-runtime.ts that stands for it. ajv
 * has an option for the formats' import (`code.formats`), none for these (ajv-validator/ajv#1976): the generator puts the import in.
 */
const RUNTIME_HELPERS: Record<string, string> = {
  [(require("ajv/dist/runtime/ucs2length") as { default: { code: string } }).default.code]: "ucs2length",
};

/** Params with every field a known keyword's message reads: enough to ask whether a keyword has one. */
const ANY_PARAMS = { type: "string", limit: 0, format: "email", allowedValues: [] };

/**
 * The module of `validate<name>`, made of ajv's standalone code for one schema (ES module output, exporting the validator as
 * `check`): ajv's declarations as they are, but for the runtime helpers it `require`s, which the module imports from src/ instead;
 * then the function the package exports, which gives a `ValidationResult`. Fails, naming the schema, when ajv's code uses a keyword
 * src/validator-runtime.ts has no message for, or needs a helper it does not provide.
 */
export function validatorModule(name: string, code: string): string {
  const source = ts.createSourceFile(`${name}.js`, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  let check: string | undefined;
  const kept: ts.Statement[] = [];
  for (const statement of source.statements) {
    if (isPrologue(statement)) continue;
    const exportedCheck = checkExport(statement);
    if (exportedCheck !== undefined) check = exportedCheck;
    else kept.push(statement);
  }
  if (check === undefined) throw shapeChanged(name, `exports no \`${CHECK_EXPORT}\``);

  const helpers = new Set<string>();
  let usesFormats = false;
  const keywords = new Set<string>();
  const replaceHelpers = (context: ts.TransformationContext) => {
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isPropertyAccessExpression(node) && isRequire(node.expression)) {
        const helper = RUNTIME_HELPERS[node.getText(source)];
        if (helper !== undefined) {
          helpers.add(helper);
          return factory.createIdentifier(helper);
        }
      }
      if (isRequire(node)) {
        throw new PipelineError(
          `validators: ajv ${AJV_VERSION}'s code for ${name} needs ${node.getText(source)}, which src/validator-runtime.ts does not provide: add it there and to RUNTIME_HELPERS in scripts/lib/validator-module.ts`,
        );
      }
      if (ts.isIdentifier(node) && node.text === FORMATS_NAME) usesFormats = true;
      const keyword = keywordOf(node);
      if (keyword !== undefined) keywords.add(keyword);
      return ts.visitEachChild(node, visit, context);
    };
    return (node: ts.Node) => ts.visitNode(node, visit);
  };
  const transformed = ts.transform(kept, [replaceHelpers]).transformed as ts.Statement[];

  // Compiled without ajv's messages: every keyword that can fail needs one of the runtime's own.
  const undescribed = [...keywords].filter((keyword) => keywordMessage(keyword, ANY_PARAMS) === undefined);
  if (undescribed.length > 0) {
    throw new PipelineError(
      `validators: components/schemas/${name} uses ${undescribed.map((keyword) => `\`${keyword}\``).join(", ")}, for which src/validator-runtime.ts has no message: add one to keywordMessage`,
    );
  }
  return printModule(
    [
      namedImport(["validationIssues", ...helpers], RUNTIME_MODULE),
      ...(usesFormats ? [namedImport([FORMATS_NAME], FORMATS_MODULE)] : []),
      ...transformed,
      exportedValidator(name, check),
    ],
    source,
  );
}

/**
 * `export function validate<name>(data) { return check(data) ? { ok: true, value: data } : { ok: false, errors: … }; }`. The check
 * is called here, not through a shared helper, so each call site stays monomorphic.
 */
function exportedValidator(name: string, check: string): ts.FunctionDeclaration {
  const data = factory.createIdentifier("data");
  const checkName = factory.createIdentifier(check);
  const property = (key: string, value: ts.Expression) => factory.createPropertyAssignment(key, value);
  const verdict = factory.createConditionalExpression(
    factory.createCallExpression(checkName, undefined, [data]),
    undefined,
    factory.createObjectLiteralExpression([property("ok", factory.createTrue()), property("value", data)]),
    undefined,
    factory.createObjectLiteralExpression([
      property("ok", factory.createFalse()),
      property(
        "errors",
        factory.createCallExpression(factory.createIdentifier("validationIssues"), undefined, [
          factory.createPropertyAccessExpression(checkName, "errors"),
        ]),
      ),
    ]),
  );
  return factory.createFunctionDeclaration(
    exported(),
    undefined,
    `validate${name}`,
    undefined,
    [factory.createParameterDeclaration(undefined, undefined, data)],
    undefined,
    factory.createBlock([factory.createReturnStatement(verdict)], true),
  );
}

/** `"use strict";`: an ES module is strict already. */
function isPrologue(statement: ts.Statement): boolean {
  return ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression);
}

/** The validator's name in `export const check = validate20;`. */
function checkExport(statement: ts.Statement): string | undefined {
  if (!ts.isVariableStatement(statement)) return undefined;
  if (!statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return undefined;
  const [declaration] = statement.declarationList.declarations;
  if (declaration === undefined || !ts.isIdentifier(declaration.name) || declaration.name.text !== CHECK_EXPORT)
    return undefined;
  return declaration.initializer && ts.isIdentifier(declaration.initializer) ? declaration.initializer.text : undefined;
}

function isRequire(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "require";
}

/** The keyword of an error ajv's code can report: `{ …, keyword: "maxLength", … }`. */
function keywordOf(node: ts.Node): string | undefined {
  if (!ts.isPropertyAssignment(node) || !ts.isIdentifier(node.name) || node.name.text !== "keyword") return undefined;
  return ts.isStringLiteral(node.initializer) ? node.initializer.text : undefined;
}

function shapeChanged(name: string, what: string): PipelineError {
  return new PipelineError(
    `validators: ajv ${AJV_VERSION}'s standalone code for ${name} ${what}; scripts/lib/validator-module.ts reads the shape ajv 8.20.0 writes`,
  );
}

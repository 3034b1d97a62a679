import ts from "typescript";
import { toBodyNameProblem } from "../../lint/redocly/extension-values.ts";
import type { BodyFields } from "../../src/write-body.ts";
import type { ClientMethod } from "./client-methods.ts";
import { GENERATED_HEADER } from "./generated-header.ts";
import { PipelineError } from "./pipeline-error.ts";
import { componentSchema, propertiesOf, type SpecDocument } from "./spec-document.ts";
import { idFields } from "./spec-operations.ts";
import {
  constStatement,
  exported,
  factory,
  jsonExpression,
  namedImport,
  objectExpression,
  printModule,
  typeReference,
  withDoc,
} from "./ts-nodes.ts";

/** One converter an operation declares with `x-piriod-to-body`: its name, and the body it writes from the response. */
interface Converter {
  name: string;
  method: ClientMethod;
  from: string;
  to: string;
  fields: BodyFields;
}

/**
 * The converters that operations declare with `x-piriod-to-body: toCustomerUpdate`: converters.js makes each with
 * src/write-body.ts from what each field of the body is made of, and converters.d.ts declares it from the response's type to the
 * request's. Written even when the spec declares none: the package root re-exports whatever they hold.
 */
export function converterFiles(
  document: SpecDocument,
  methods: ClientMethod[],
  reserved: ReadonlySet<string>,
): Record<string, string> {
  const converters = methods.flatMap((method) => converterOf(document, method, reserved) ?? []);
  if (converters.length === 0) {
    const empty =
      GENERATED_HEADER +
      printModule([factory.createExportDeclaration(undefined, false, factory.createNamedExports([]))]);
    return { "converters.js": empty, "converters.d.ts": empty };
  }
  const schemas = [...new Set(converters.flatMap(({ from, to }) => [from, to]))];
  return {
    "converters.js":
      GENERATED_HEADER +
      printModule([namedImport(["writeBody"], "../src/write-body.js"), ...converters.map(converterConst)]),
    "converters.d.ts":
      GENERATED_HEADER +
      printModule([namedImport(schemas, "./schema.js", { typeOnly: true }), ...converters.map(converterDeclaration)]),
  };
}

function converterOf(
  document: SpecDocument,
  method: ClientMethod,
  reserved: ReadonlySet<string>,
): Converter | undefined {
  const name: unknown = method.operation["x-piriod-to-body"];
  if (name === undefined) return undefined;
  const where = `${method.where} (${method.operationId})`;
  // lint/redocly/rules/to-body.ts checks the value where it is written; `npm run generate` lints first.
  const problem = toBodyNameProblem(name);
  if (problem !== undefined || typeof name !== "string") throw new PipelineError(`operations: ${where}: ${problem}`);
  if (reserved.has(name))
    throw new PipelineError(
      `operations: ${where}: x-piriod-to-body ${name} has the name of an export of the package's entry points (src/)`,
    );
  const { requestSchema: to, success } = method;
  if (to === undefined || success.schema === undefined)
    throw new PipelineError(`operations: ${where}: x-piriod-to-body needs a JSON request body and a JSON response`);
  return {
    name,
    method,
    from: success.schema,
    to,
    fields: bodyFields(document, success.schema, to),
  };
}

/** `export const toCustomerUpdate = /* @__PURE__ *\/ writeBody("toCustomerUpdate", { fields, ids, required });` */
function converterConst({ name, method, from, to, fields }: Converter): ts.Statement {
  const call = factory.createCallExpression(factory.createIdentifier("writeBody"), undefined, [
    factory.createStringLiteral(name),
    objectExpression(Object.entries(fields).map(([key, list]) => [key, jsonExpression(list)])),
  ]);
  // A bundler drops a converter the app does not use only if it knows the call has no side effect.
  ts.addSyntheticLeadingComment(call, ts.SyntaxKind.MultiLineCommentTrivia, " @__PURE__ ", false);
  return withDoc(
    constStatement(name, { value: call, modifiers: exported() }),
    `${from} → ${to}, for \`${method.resource}.${method.name}\`.`,
  );
}

/** `export declare function toCustomerUpdate(customer: Customer): CustomerUpdate;`, with what it does. */
function converterDeclaration({ name, method, from, to, fields }: Converter): ts.Statement {
  const parameter = from.charAt(0).toLowerCase() + from.slice(1);
  const ids = fields.ids.map((field) => `\`${field}\``).join(", ") || "no field";
  const doc =
    `A ${from} as the body of \`${method.resource}.${method.name}\` (a ${to}): ${ids} as ${fields.ids.length === 1 ? "its object's id" : "their objects' ids"}, ` +
    `the fields only a ${from} has left out, and every other field as it was (absent stays absent, \`null\` stays \`null\`; objects are copies). Spread it and change what you need.\n\n` +
    `Throws a \`PiriodValidationError\` naming every field the body needs that the ${parameter} cannot give (a response read without validation may be incomplete).`;
  return withDoc(
    factory.createFunctionDeclaration(
      exported({ declare: true }),
      undefined,
      name,
      undefined,
      [factory.createParameterDeclaration(undefined, undefined, parameter, undefined, typeReference(from))],
      typeReference(to),
      undefined,
    ),
    doc,
  );
}

/**
 * Which fields of `to` (a request body) are read from `from` (the response) and how: a field that
 * `to` declares as the id of an object `from` embeds (`x-piriod-id-of`) is that object's `id`
 * (`country: "CL"` from `country: { id: "CL", … }`); the others are copied. A field the request requires and the response has
 * not stops the lint (lint/redocly/rules/to-body.ts).
 */
function bodyFields(document: SpecDocument, from: string, to: string): BodyFields {
  const request = componentSchema(document, to);
  const response = propertiesOf(componentSchema(document, from));
  const related = idFields(document, to, from);
  const fields = Object.keys(propertiesOf(request)).filter((field) => response[field] !== undefined);
  return {
    fields,
    ids: fields.filter((field) => field in related),
    required: (request?.required ?? []).filter((field) => fields.includes(field)),
  };
}

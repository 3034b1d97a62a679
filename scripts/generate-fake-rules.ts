import type { SchemaObject } from "openapi-typescript";
import ts from "typescript";
import { writeRuleProblem } from "../lint/redocly/extension-values.ts";
import type { ResourceRules } from "../src/testing/model.ts";
import { clientMethods } from "./lib/client-methods.ts";
import { GENERATED_HEADER } from "./lib/generated-header.ts";
import { PipelineError } from "./lib/pipeline-error.ts";
import { componentSchema, deref, type SpecDocument } from "./lib/spec-document.ts";
import {
  constStatement,
  exported,
  factory,
  jsonExpression,
  namedImport,
  printModule,
  typeReference,
  withDoc,
} from "./lib/ts-nodes.ts";

/** A resource's rules as they are gathered, before they are written. */
type Rules = {
  -readonly [K in keyof ResourceRules]: ResourceRules[K] extends readonly (infer T)[]
    ? T[]
    : ResourceRules[K] extends Readonly<Record<string, infer V>>
      ? Record<string, V>
      : ResourceRules[K];
};
// biome-ignore lint/suspicious/noExplicitAny: a schema's x-piriod-* values are JSON the generator checks before it trusts them.
type SpecNode = any;

/**
 * The rules Piriod documents for each resource's writes, from the spec's `x-piriod-*` extensions
 * (and Django REST Framework's default for required text), for the fake of @piriod/api/testing:
 *   fake-rules.js (+ .d.ts)
 * A resource the spec declares no rule for gets none; the fake holds no resource or field name.
 */
export function generateFakeRules(document: SpecDocument): Record<string, string> {
  const rules: Record<string, Rules> = {};
  const catalogues = new Map<string, string>();
  for (const method of clientMethods(document)) {
    const where = `fake rules: ${method.where}`;
    const resource = rules[method.resource] ?? { notBlank: [], catalogues: {}, belongsTo: {}, requiredWhen: {} };
    rules[method.resource] = resource;
    // The lint (piriod/write-rules) has checked each value's shape, and that these are on a delete.
    const archive = checked((method.operation as SpecNode)["x-piriod-archive"], "x-piriod-archive", where);
    if (archive !== undefined && method.method === "DELETE") resource.archive = archive;
    const refused = checked(
      (method.operation as SpecNode)["x-piriod-delete-refused"],
      "x-piriod-delete-refused",
      where,
    );
    if (refused !== undefined && method.method === "DELETE") resource.deleteRefused = refused;
    if (method.requestSchema === undefined) continue;
    const schema = componentSchema(document, method.requestSchema);
    readSchemaRules(document, schema, resource, catalogues, `${where}: ${method.requestSchema}`);
  }
  const kept = Object.fromEntries(Object.entries(rules).filter(([, rule]) => !isEmpty(rule)));
  const schemas = [...new Set(catalogues.values())];
  const doc =
    "The rules Piriod documents for each resource's writes, by the resource its operations' x-piriod-method names.";
  return {
    "fake-rules.js":
      GENERATED_HEADER +
      printModule([withDoc(constStatement("rules", { value: jsonExpression(kept), modifiers: exported() }), doc)]),
    "fake-rules.d.ts":
      GENERATED_HEADER +
      printModule([
        namedImport(["ResourceRulesMap"], "../src/testing/model.js", { typeOnly: true }),
        ...(schemas.length > 0 ? [namedImport(schemas, "./schema.js", { typeOnly: true })] : []),
        withDoc(
          constStatement("rules", { type: typeReference("ResourceRulesMap"), modifiers: exported({ declare: true }) }),
          doc,
        ),
        withDoc(
          factory.createInterfaceDeclaration(
            exported(),
            "FakeCatalogues",
            undefined,
            undefined,
            [...catalogues].map(([option, schema]) =>
              withDoc(
                factory.createPropertySignature(
                  undefined,
                  option,
                  factory.createToken(ts.SyntaxKind.QuestionToken),
                  factory.createTypeOperatorNode(
                    ts.SyntaxKind.ReadonlyKeyword,
                    factory.createArrayTypeNode(typeReference(schema)),
                  ),
                ),
                `The ${option} Piriod knows, by \`id\`: an id of none of them is refused as Django REST Framework refuses an unknown primary key. Default: any id.`,
              ),
            ),
          ),
          "The catalogues a test may give the fake (`createPiriodFake({ countries })`), by the option `x-piriod-catalogue` names.",
        ),
      ]),
  };
}

function readSchemaRules(
  document: SpecDocument,
  schema: SchemaObject | undefined,
  rules: Rules,
  catalogues: Map<string, string>,
  where: string,
): void {
  const properties: Record<string, SpecNode> = (schema as SpecNode).properties ?? {};
  for (const field of ((schema as SpecNode)?.required ?? []) as string[]) {
    const property: SpecNode = deref(document, properties[field]);
    // A field that sends an object's id is a primary key to DRF, not a text.
    if (property?.type === "string" && property["x-piriod-id-of"] === undefined && !rules.notBlank.includes(field))
      rules.notBlank.push(field);
  }
  for (const [field, node] of Object.entries(properties)) {
    const property: SpecNode = deref(document, node);
    const related: unknown = property["x-piriod-id-of"];
    if (typeof related === "string") {
      const option = checked(
        (componentSchema(document, related) as SpecNode)?.["x-piriod-catalogue"],
        "x-piriod-catalogue",
        `${where}: ${related}`,
      );
      if (option !== undefined) {
        rules.catalogues[field] = option;
        catalogues.set(option, related);
      }
    }
    const owner: unknown = property["x-piriod-belongs-to"];
    if (owner !== undefined) {
      const ownerSchema: SpecNode = typeof related === "string" ? componentSchema(document, related) : undefined;
      if (
        typeof owner !== "string" ||
        properties[owner] === undefined ||
        ownerSchema?.properties?.[owner] === undefined
      )
        throw new PipelineError(
          `${where}.${field}: x-piriod-belongs-to must name a field of the body that the object ${field} names has too (country)`,
        );
      rules.belongsTo[field] = owner;
    }
    const when: SpecNode = checked(property["x-piriod-required-when"], "x-piriod-required-when", `${where}.${field}`);
    if (when !== undefined) {
      const known: SpecNode = deref(document, properties[when.field]);
      if (known?.["x-piriod-id-of"] === undefined)
        throw new PipelineError(
          `${where}.${field}: x-piriod-required-when names ${when.field}, which is no field of the body that names an object (x-piriod-id-of)`,
        );
      rules.requiredWhen[field] = { field: when.field, flag: when.flag, accountCountry: when.accountCountry === true };
    }
  }
  const most: SpecNode = checked((schema as SpecNode)?.["x-piriod-max-per"], "x-piriod-max-per", where);
  if (most !== undefined) {
    const unknown = (most.fields as string[]).find((name) => properties[name] === undefined);
    if (unknown !== undefined)
      throw new PipelineError(`${where}: x-piriod-max-per counts by ${unknown}, which the body has not`);
    rules.maxPer = { count: most.count, fields: most.fields };
  }
}

/** An extension's value, read through the lint's own check of its shape (lint/redocly/extension-values.ts). */
// biome-ignore lint/suspicious/noExplicitAny: the value is JSON whose shape writeRuleProblem has just checked.
function checked(value: unknown, extension: string, where: string): any {
  if (value === undefined) return undefined;
  const problem = writeRuleProblem(extension, value);
  if (problem !== undefined) throw new PipelineError(`${where}: ${problem}`);
  return value;
}

function isEmpty(rules: Rules): boolean {
  return (
    rules.notBlank.length === 0 &&
    Object.keys(rules.catalogues).length === 0 &&
    Object.keys(rules.belongsTo).length === 0 &&
    Object.keys(rules.requiredWhen).length === 0 &&
    rules.maxPer === undefined &&
    rules.archive === undefined &&
    rules.deleteRefused === undefined
  );
}

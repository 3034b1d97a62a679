import { createRequire } from "node:module";
import type { OpenAPITSOptions } from "openapi-typescript";
import ts from "typescript";
import { PipelineError } from "./pipeline-error.ts";
import { schemaName } from "./spec-document.ts";
import { exported, factory, isIdentifierName, typeReference } from "./ts-nodes.ts";

const OPENAPI_TS_VERSION = (createRequire(import.meta.url)("openapi-typescript/package.json") as { version: string })
  .version;

/**
 * openapi-typescript's hooks that write a reference to a component schema as that schema's own name (`Country`) rather than
 * `components["schemas"]["Country"]`: `transform` sees the schema object where a property is a `$ref`; `postTransform` sees
 * the type openapi-typescript made of any other `$ref` to a schema (in an array's items, a response, a composition), as the
 * indexed access it writes. `nameSchemaTypes` then declares each name.
 */
export const schemaReferenceHooks: Pick<OpenAPITSOptions, "transform" | "postTransform"> = {
  transform(schemaObject) {
    const name = schemaName(schemaObject);
    return name === undefined ? undefined : typeReference(name);
  },
  postTransform(type) {
    const name = referencedSchema(type);
    return name === undefined ? undefined : typeReference(name);
  },
};

/**
 * openapi-typescript's declarations with every component schema declared as a type of its own name (`export type Country = { … }`),
 * which `components["schemas"]` and every reference then use (through `schemaReferenceHooks`). TypeScript shows a type alias by its
 * name in hovers and errors; an indexed access such as `components["schemas"]["Country"]` it shows expanded, and so did the aliases of
 * the indexed accesses openapi-typescript's `rootTypes` writes. Type aliases rather than interfaces: an object type alias stays
 * assignable to `Record<string, unknown>`, as the 1.x types were.
 *
 * `reserved` holds names the package exports already: a schema of such a name stops generation, as does one whose name is no
 * identifier, or a reference to a schema the hooks did not rename.
 */
export function nameSchemaTypes(
  statements: readonly ts.Node[],
  schemas: readonly string[],
  reserved: ReadonlySet<string>,
): ts.Node[] {
  refuseUnusableNames(schemas, statements, reserved);
  const aliases: ts.TypeAliasDeclaration[] = [];
  const named = statements.map((statement) => {
    if (!isComponents(statement)) return statement;
    return factory.updateInterfaceDeclaration(
      statement,
      statement.modifiers,
      statement.name,
      statement.typeParameters,
      statement.heritageClauses,
      statement.members.map((member) => {
        if (!isSchemasMember(member)) return member;
        return factory.updatePropertySignature(
          member,
          member.modifiers,
          member.name,
          member.questionToken,
          factory.createTypeLiteralNode(
            member.type.members.map((schema) => {
              if (!ts.isPropertySignature(schema) || schema.type === undefined) return schema;
              const name = propertyText(schema.name);
              aliases.push(
                movedComments(schema, factory.createTypeAliasDeclaration(exported(), name, undefined, schema.type)),
              );
              return factory.createPropertySignature(
                schema.modifiers,
                schema.name,
                schema.questionToken,
                typeReference(name),
              );
            }),
          ),
        );
      }),
    );
  });
  const result = [...named, ...aliases];
  const missed = result.flatMap(unrenamedReferences);
  if (missed.length > 0) {
    throw new PipelineError(
      `types: openapi-typescript ${OPENAPI_TS_VERSION} wrote components["schemas"]["${missed[0]}"] where neither its transform nor its postTransform hook saw the reference; scripts/lib/named-schema-types.ts reads the shape openapi-typescript 7.13.0 writes`,
    );
  }
  return result;
}

/** The schema an openapi-typescript reference type names: `components["schemas"]["Country"]` → `Country`. */
function referencedSchema(type: ts.TypeNode): string | undefined {
  if (!ts.isIndexedAccessTypeNode(type) || !ts.isIndexedAccessTypeNode(type.objectType)) return undefined;
  const { objectType: root, indexType: kind } = type.objectType;
  if (!ts.isTypeReferenceNode(root) || !ts.isIdentifier(root.typeName) || root.typeName.text !== "components")
    return undefined;
  if (literalText(kind) !== "schemas") return undefined;
  return literalText(type.indexType);
}

function literalText(type: ts.TypeNode): string | undefined {
  return ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal) ? type.literal.text : undefined;
}

/** Every `components["schemas"]["…"]` left in a node. */
function unrenamedReferences(node: ts.Node): string[] {
  const found: string[] = [];
  const visit = (child: ts.Node) => {
    const name = ts.isTypeNode(child) ? referencedSchema(child) : undefined;
    if (name !== undefined) found.push(name);
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

function isComponents(node: ts.Node): node is ts.InterfaceDeclaration {
  return ts.isInterfaceDeclaration(node) && node.name.text === "components";
}

function isSchemasMember(member: ts.TypeElement): member is ts.PropertySignature & { type: ts.TypeLiteralNode } {
  return (
    ts.isPropertySignature(member) &&
    propertyText(member.name) === "schemas" &&
    member.type !== undefined &&
    ts.isTypeLiteralNode(member.type)
  );
}

function propertyText(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText();
}

/** `to` with the comments openapi-typescript put before `from` (the schema's description and examples). */
function movedComments<T extends ts.Node>(from: ts.Node, to: T): T {
  return ts.setSyntheticLeadingComments(to, ts.getSyntheticLeadingComments(from));
}

function refuseUnusableNames(names: readonly string[], statements: readonly ts.Node[], reserved: ReadonlySet<string>) {
  const declared = new Set(
    statements.flatMap((statement) =>
      ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) ? [statement.name.text] : [],
    ),
  );
  for (const name of names) {
    if (!isIdentifierName(name)) {
      throw new PipelineError(
        `types: components/schemas/${name} cannot be exported under its own name: a schema's name must be a TypeScript identifier (letters, digits, _ or $)`,
      );
    }
    if (declared.has(name) || reserved.has(name)) {
      throw new PipelineError(
        `types: components/schemas/${name} has the name of ${declared.has(name) ? "a type openapi-typescript declares" : "an export of the package's entry points (src/)"}; rename the schema`,
      );
    }
  }
}

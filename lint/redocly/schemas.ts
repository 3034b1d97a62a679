import type { ReferenceObject, SchemaObject } from "openapi-typescript";

/** Reading a schema, for the rules of this folder and the generator alike (scripts/lib/spec-document.ts). */

export function isReference(node: unknown): node is ReferenceObject {
  return typeof node === "object" && node !== null && typeof (node as { $ref?: unknown }).$ref === "string";
}

/** A schema's properties, each as it is written (a `$ref`, or the schema itself); none for a schema that is not an object's. */
export function propertiesOf(schema: SchemaObject | undefined): Record<string, SchemaObject | ReferenceObject> {
  return schema !== undefined && "properties" in schema && schema.properties ? schema.properties : {};
}

/** The types a schema allows, as a list (`type: [string, "null"]` → both; none when it names none). */
export function typesOf(schema: SchemaObject | undefined): string[] {
  const type: unknown = schema && "type" in schema ? schema.type : undefined;
  return type === undefined ? [] : ([] as unknown[]).concat(type).map(String);
}

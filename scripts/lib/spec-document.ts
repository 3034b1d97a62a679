import type { ComponentsObject, OpenAPI3, PathItemObject, ReferenceObject, SchemaObject } from "openapi-typescript";
import { isReference } from "../../lint/redocly/schemas.ts";

export { isReference, propertiesOf, typesOf } from "../../lint/redocly/schemas.ts";

/**
 * The bundled spec (generated/openapi.json), typed with openapi-typescript's OpenAPI 3 types: every `$ref` in it points into its own
 * components (Redocly's bundle makes them so, and its lint checks each one resolves to a component of the kind its place takes).
 */
export interface SpecDocument extends OpenAPI3 {
  paths: Record<string, PathItemObject>;
  components: ComponentsObject & { schemas: Record<string, SchemaObject> };
}

/** A `$ref` to a component of the same document: its kind (`schemas`, `parameters` …) and name, percent-encoded. */
export const COMPONENT_REF = /^#\/components\/(\w+)\/([^/]+)$/;

/** The kind and name of the component a `$ref` points at (`schemas`, `CustomerUpdate`), if it points at one. */
export function componentOf(ref: string | undefined): { kind: string; name: string } | undefined {
  const [, kind, name] = ref?.match(COMPONENT_REF) ?? [];
  return kind === undefined || name === undefined ? undefined : { kind, name: decodeURIComponent(name) };
}

/** Follows `$ref`s to components of the same document to the object they name; anything else is returned as it is. */
export function deref<T extends object>(document: SpecDocument, node: T | ReferenceObject): T;
export function deref<T extends object>(document: SpecDocument, node: T | ReferenceObject | undefined): T | undefined;
export function deref<T extends object>(document: SpecDocument, node: T | ReferenceObject | undefined): T | undefined {
  if (!isReference(node)) return node;
  const component = componentOf(node.$ref);
  const group: unknown = component && document.components[component.kind as keyof ComponentsObject];
  // The lint's spec-strict-refs and Redocly's bundle make every reference one to a component of the kind its place takes.
  const target = component && (group as Record<string, T | ReferenceObject> | undefined)?.[component.name];
  return target === undefined ? undefined : deref(document, target);
}

/** The name of the component schema `node` refers to (`#/components/schemas/Customer` → `Customer`). */
export function schemaName(node: unknown): string | undefined {
  const component = isReference(node) ? componentOf(node.$ref) : undefined;
  return component?.kind === "schemas" ? component.name : undefined;
}

/** The component schema of that name, its `$ref`s followed. */
export function componentSchema(document: SpecDocument, name: string): SchemaObject | undefined {
  return deref(document, { $ref: `#/components/schemas/${encodeURIComponent(name)}` } as
    | SchemaObject
    | ReferenceObject);
}

/** A number a schema sets for `keyword` (`maximum`, `default` …), if it sets one. */
export function numberOf(schema: SchemaObject | undefined, keyword: string): number | undefined {
  const value: unknown = schema === undefined ? undefined : (schema as Record<string, unknown>)[keyword];
  return typeof value === "number" ? value : undefined;
}

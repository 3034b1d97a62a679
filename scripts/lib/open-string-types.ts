import type { SchemaObject } from "openapi-typescript";
import ts from "typescript";
import { factory } from "./ts-nodes.ts";

// Keywords that describe a schema without narrowing the values it takes.
const ANNOTATIONS = new Set(["title", "description", "examples", "example", "deprecated", "$comment"]);

/**
 * The type of a string the spec declares open: an `anyOf` of the values the server is known to send (each a `const`) and any
 * other string (a plain `type: string`), as Piriod's webhook declares `event`. openapi-typescript writes it
 * `"payment.created" | string`, which TypeScript reduces to `string`, so an editor offers nothing; this is
 * `"payment.created" | (string & {})`, which still takes any string and offers the known values for completion.
 * `undefined` for any other schema, which openapi-typescript then compiles as usual.
 */
export function openStringType(schema: SchemaObject): ts.TypeNode | undefined {
  const { anyOf, type } = schema as { anyOf?: unknown; type?: unknown };
  if (!Array.isArray(anyOf) || (type !== undefined && type !== "string")) return undefined;
  if (!onlyKeywords(schema, ["anyOf", "type"])) return undefined;
  const known: string[] = [];
  let open = 0;
  for (const alternative of anyOf as Record<string, unknown>[]) {
    if (typeof alternative !== "object" || alternative === null || alternative.type !== "string") return undefined;
    if (typeof alternative.const === "string" && onlyKeywords(alternative, ["type", "const"]))
      known.push(alternative.const);
    else if (onlyKeywords(alternative, ["type"])) open += 1;
    else return undefined;
  }
  if (known.length === 0 || open !== 1) return undefined;
  return factory.createUnionTypeNode([
    ...known.map((value) => factory.createLiteralTypeNode(factory.createStringLiteral(value))),
    factory.createIntersectionTypeNode([
      factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
      factory.createTypeLiteralNode([]),
    ]),
  ]);
}

/** Whether `schema` has no keyword but `allowed` and annotations. */
function onlyKeywords(schema: object, allowed: string[]): boolean {
  return Object.keys(schema).every((keyword) => allowed.includes(keyword) || ANNOTATIONS.has(keyword));
}

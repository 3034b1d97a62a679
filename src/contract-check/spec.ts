import { createRequire } from "node:module";
import type { Operation } from "../operation.js";
import { ROUTES } from "./routes.js";

/** A node of the bundled spec, as JSON. */
type Node = { [key: string]: unknown };

interface Document {
  paths: Record<string, Record<string, Node>>;
  components: { schemas?: Record<string, Node>; responses?: Record<string, Node> };
}

/**
 * The bundled spec the package ships beside the client (dist/generated/openapi.json), read where
 * this module is: src/contract-check/ in the repository, dist/src/contract-check/ in the package.
 */
const spec = createRequire(import.meta.url)("../../generated/openapi.json") as Document;

/** What the check reads of an operation in the spec: its answers, its request body, and that body's schema. */
export interface SpecOperation {
  /** Each status the spec declares, with the name of the schema of its JSON body (none for an answer without one). */
  responses: Record<string, string | undefined>;
  /** The first example of the request body, if the spec gives one. */
  example?: Record<string, unknown>;
  /** The request body's schema, by name, its `$ref`s resolved. */
  requestSchema?: { name: string; required: string[]; properties: Record<string, Node> };
}

/** The spec's operation of a client method (`customers.retrieve`). */
export function specOf(name: string): SpecOperation {
  const route = ROUTES.find((candidate) => candidate.name === name);
  if (route === undefined) throw new Error(`the operation table has no ${name}`);
  return specOperation(route.operation);
}

/** The spec's operation that `operation` of the table sends: the same path and method. */
export function specOperation(operation: Operation): SpecOperation {
  const found = spec.paths[operation.path]?.[operation.method.toLowerCase()];
  if (found === undefined) throw new Error(`the spec has no ${operation.method} ${operation.path}`);
  const responses: SpecOperation["responses"] = {};
  for (const [status, response] of Object.entries((found.responses ?? {}) as Record<string, Node>))
    responses[status] = schemaName(jsonOf(resolved(response))?.schema);
  const body = jsonOf(resolved(found.requestBody as Node | undefined));
  const name = schemaName(body?.schema);
  const schema = name === undefined ? undefined : resolved(body?.schema as Node);
  const examples = Object.values((body?.examples ?? {}) as Record<string, Node>);
  const example = resolved(examples[0])?.value as Record<string, unknown> | undefined;
  return {
    responses,
    ...(example ? { example } : {}),
    ...(name && schema
      ? {
          requestSchema: {
            name,
            required: (schema.required ?? []) as string[],
            properties: Object.fromEntries(
              Object.entries((schema.properties ?? {}) as Record<string, Node>).map(([field, node]) => [
                field,
                resolved(node) ?? {},
              ]),
            ),
          },
        }
      : {}),
  };
}

function jsonOf(node: Node | undefined): Node | undefined {
  return (node?.content as Record<string, Node> | undefined)?.["application/json"];
}

/** The component a `$ref` names (`#/components/schemas/Customer` → `Customer`), for a schema given by reference. */
function schemaName(schema: unknown): string | undefined {
  const ref = (schema as Node | undefined)?.$ref;
  return typeof ref === "string" ? ref.split("/").at(-1) : undefined;
}

/** A node with its `$ref` followed, through the bundled spec's components. */
function resolved(node: Node | undefined): Node | undefined {
  let current = node;
  for (let depth = 0; depth < 8 && typeof current?.$ref === "string"; depth++) {
    const [, , section, name] = current.$ref.split("/");
    current = (spec.components as Record<string, Record<string, Node> | undefined>)[section ?? ""]?.[name ?? ""];
  }
  return current;
}

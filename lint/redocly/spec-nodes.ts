import path from "node:path";
import type { OperationObject, RequestBodyObject, ResponseObject, SchemaObject } from "openapi-typescript";
import type { Location, RuleContext, Visitor } from "./redocly-api.ts";
import { isReference } from "./schemas.ts";

/**
 * The spec as Redocly's rules walk it: its own files, `$ref`s between them. A node is found with where it stands, so that a
 * problem is reported at its file and line.
 */
export interface Located<T> {
  node: T;
  location: Location;
}

/** A schema that a body names, with its component name (its file's name: what the bundle and the types call it). */
export interface NamedSchema extends Located<SchemaObject> {
  name: string;
}

/**
 * The path of the operation a rule is visiting: Redocly enters a path item, keyed by its path (`/customers/{id}/`), before its
 * operations. A rule gives `visitor` as its `PathItem` visitor and reads `path` in its `Operation` one.
 */
export class CurrentPath {
  path = "";
  readonly visitor: Visitor<unknown> = {
    enter: (_pathItem, context) => {
      this.path = String(context.key);
    },
  };
}

/** Follows `$ref`s from `node`, which stands at `location`, to the node they name. */
export function follow<T>(context: RuleContext, node: unknown, location: Location): Located<T> | undefined {
  let current: Located<unknown> = { node, location };
  // A loop of references is Redocly's to report; this gives up after a few turns of it.
  for (let hop = 0; isReference(current.node); hop++) {
    if (hop === 16) return undefined;
    const resolved = context.resolve<unknown>(current.node, current.location.source.absoluteRef);
    if (resolved.node === undefined || resolved.location === undefined) return undefined;
    current = { node: resolved.node, location: resolved.location };
  }
  return current.node === undefined ? undefined : (current as Located<T>);
}

/** A child of a located object, followed. */
export function child<T>(context: RuleContext, parent: Located<unknown>, key: string): Located<T> | undefined {
  const value = (parent.node as Record<string, unknown> | null)?.[key];
  return value === undefined ? undefined : follow<T>(context, value, parent.location.child(key));
}

/** The component name of the schema at `location`: the file it fills (`Customer.yaml`), or its key under components/schemas. */
export function schemaNameAt(location: Location): string | undefined {
  const inComponents = /^#\/components\/schemas\/([^/]+)$/.exec(location.pointer);
  if (inComponents?.[1] !== undefined) return decodeURIComponent(inComponents[1]);
  if (location.pointer !== "#/" && location.pointer !== "#" && location.pointer !== "") return undefined;
  return path.basename(location.source.absoluteRef, path.extname(location.source.absoluteRef));
}

/** The schema an operation's JSON request body names, if the body is JSON and names one. */
export function requestSchema(context: RuleContext, operation: Located<OperationObject>): NamedSchema | undefined {
  const body = child<RequestBodyObject>(context, operation, "requestBody");
  return body && jsonSchema(context, body);
}

/** The schema the JSON body of an operation's first 2xx response names, if it names one. */
export function responseSchema(context: RuleContext, operation: Located<OperationObject>): NamedSchema | undefined {
  const responses = child<Record<string, unknown>>(context, operation, "responses");
  const status = Object.keys(responses?.node ?? {}).find((code) => /^2\d\d$/.test(code));
  const response = responses && status !== undefined ? child<ResponseObject>(context, responses, status) : undefined;
  return response && jsonSchema(context, response);
}

function jsonSchema(context: RuleContext, body: Located<RequestBodyObject | ResponseObject>): NamedSchema | undefined {
  const content = child<Record<string, unknown>>(context, body, "content");
  const media = content && child<Record<string, unknown>>(context, content, "application/json");
  const schema = media && child<SchemaObject>(context, media, "schema");
  const name = schema && schemaNameAt(schema.location);
  return schema && name !== undefined ? { ...schema, name } : undefined;
}

/** Reports each problem once, however many operations lead to the node it concerns. */
export function reporter(context: RuleContext, seen: Set<string>) {
  return (message: string, location: Location) => {
    const key = `${location.source.absoluteRef}${location.pointer}\n${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    context.report({ message, location });
  };
}

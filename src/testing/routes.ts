import type { Operation, OperationTable } from "../operation.js";

/**
 * What the fake does for an operation, told by its shape alone: a list answers with a page; a
 * POST with a body and no id creates; with one id, GET retrieves, PATCH (or PUT) with a body
 * updates, DELETE deletes. An operation of another shape is answered 501, naming it.
 */
export type Shape = "list" | "create" | "retrieve" | "update" | "delete" | "unserved";

export interface Route {
  /** `customers.update`, as `x-piriod-method` names it. */
  name: string;
  resource: string;
  operation: Operation;
  shape: Shape;
  pattern: RegExp;
}

/** Every operation of the table, as the fake serves it. */
export function routesOf(operations: OperationTable): readonly Route[] {
  return Object.entries(operations).flatMap(([resource, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      name: `${resource}.${method}`,
      resource,
      operation,
      shape: shapeOf(operation),
      // `/customers/{id}/` → ^/customers/([^/]+)/$
      pattern: new RegExp(`^${operation.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "([^/]+)")}$`),
    })),
  );
}

function shapeOf({ method, pathParams, body, paginated }: Operation): Shape {
  if (paginated && method === "GET") return "list";
  if (pathParams.length === 0) return method === "POST" && body ? "create" : "unserved";
  if (pathParams.length > 1) return "unserved";
  if (method === "GET") return "retrieve";
  if ((method === "PATCH" || method === "PUT") && body) return "update";
  return method === "DELETE" ? "delete" : "unserved";
}

/** The route of a request among `routes`, with the path's parameters; or the methods its path allows, when none is this one. */
export function routeOf(
  routes: readonly Route[],
  method: string,
  pathname: string,
): { route: Route; params: string[] } | { allowed: string[] } {
  const allowed: string[] = [];
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    if (route.operation.method === method) return { route, params: match.slice(1).map(decoded) };
    allowed.push(route.operation.method);
  }
  return { allowed };
}

/** A path segment's text; a malformed escape stays as it came, as an id no object has. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

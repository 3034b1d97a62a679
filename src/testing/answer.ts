import { validationErrorBody } from "./drf-errors.js";
import { drfRead } from "./drf-reads.js";
import { listPage } from "./lists.js";
import type { ResourceModel } from "./model.js";
import { createdObject, type ServerContext, type StoredObject, updatedObject } from "./objects.js";
import { utf8Text } from "./request-body.js";
import type { Route } from "./routes.js";
import { fieldRuleErrors, objectRuleErrors } from "./rules.js";
import type { Collection, Space } from "./space.js";

/** Who may call, as `createPiriodFake`'s options say. */
export interface Access {
  apiKey?: string;
  workspaces?: readonly string[];
}

/** What a request's headers say about who calls and where, or the answer refusing them. */
export type Caller = { workspace: string; testMode: boolean } | { refusal: Response };

/**
 * The caller as Piriod reads the headers, in the order Django REST Framework checks them:
 * `Authorization: Token <key>` (else 401 with DRF's words), then `x-simple-workspace` (else
 * 400, as Piriod's error guide shows; a workspace not among `access.workspaces`, 403), and
 * `x-piriod-test-mode: true` for test data.
 */
export function callerOf(headers: Headers, access: Access): Caller {
  const authorization = (headers.get("authorization") ?? "").trim().split(/\s+/).filter(Boolean);
  if (authorization[0]?.toLowerCase() !== "token") return refused(401, "Authentication credentials were not provided.");
  if (authorization.length === 1) return refused(401, "Invalid token header. No credentials provided.");
  if (authorization.length > 2) return refused(401, "Invalid token header. Token string should not contain spaces.");
  if (access.apiKey !== undefined && authorization[1] !== access.apiKey) return refused(401, "Invalid token.");
  const workspace = headers.get("x-simple-workspace")?.trim();
  if (!workspace) return { refusal: json(400, { non_field_errors: ["x-simple-workspace header is required."] }) };
  if (access.workspaces !== undefined && !access.workspaces.includes(workspace))
    return refused(403, "You do not have permission to perform this action.");
  return { workspace, testMode: headers.get("x-piriod-test-mode")?.trim().toLowerCase() === "true" };
}

function refused(status: 401 | 403, detail: string): { refusal: Response } {
  return { refusal: json(status, { detail }, status === 401 ? { "www-authenticate": "Token" } : {}) };
}

/** The answer to an operation in the caller's space: what Piriod would do with it, by its shape and its resource's `model`. */
export async function answer(
  route: Route,
  model: ResourceModel | undefined,
  params: string[],
  request: { url: URL; headers: Headers; bytes: Uint8Array },
  space: Space,
  context: ServerContext,
): Promise<Response> {
  const notServed = json(501, {
    detail: `The fake does not serve ${route.operation.method} ${route.operation.path} (${route.name}): only lists, creates, retrieves, partial updates and deletes of a resource.`,
  });
  if (route.shape === "unserved" || model === undefined) return notServed;
  const objects = space.collection(route.resource);
  if (route.shape === "list") {
    if (model.list === undefined) return notServed;
    const page = listPage(model.list, objects, request.url);
    return json(page.status, page.body);
  }
  if (route.shape === "create") {
    const body = await checkedBody(route, request, context);
    if (body instanceof Response) return body;
    const refusal = refusedAsWhole(route.resource, body, objects, context);
    if (refusal) return refusal;
    return stored(route, model, objects, createdObject(model, body, context));
  }
  // A retrieve, an update or a delete: the object its path names.
  const id = params[0];
  const object = id === undefined ? undefined : objects.get(id);
  if (id === undefined || object === undefined) return json(404, { detail: "Not found." });
  if (route.shape === "retrieve") return json(route.operation.status, object);
  if (route.shape === "delete") {
    const { archive, deleteRefused } = context.rules;
    const onDelete = objects.onDeleteOf(id);
    if (onDelete === "refuse")
      return json(400, { non_field_errors: [deleteRefused ?? "This object cannot be deleted."] });
    if (onDelete === "archive" && archive !== undefined)
      objects.set(id, updatedObject(model, object, structuredClone(archive) as StoredObject, context));
    else objects.delete(id);
    return new Response(null, { status: route.operation.status });
  }
  const body = await checkedBody(route, request, context);
  if (body instanceof Response) return body;
  const refusal = refusedAsWhole(route.resource, { ...object, ...body }, objects, context);
  if (refusal) return refusal;
  return stored(route, model, objects, updatedObject(model, object, body, context));
}

/** Keeps a created or updated object under its id and answers with it. */
function stored(route: Route, model: ResourceModel, objects: Collection, written: StoredObject): Response {
  objects.set(String(written[model.server.id ?? "id"]), written);
  return json(route.operation.status, written);
}

/** The request's JSON body once its operation's validator accepts it (as DRF reads it, unless `strict`), or DRF's answer refusing it. */
async function checkedBody(
  route: Route,
  request: { headers: Headers; bytes: Uint8Array },
  context: ServerContext,
): Promise<StoredObject | Response> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type))
    return json(415, { detail: `Unsupported media type "${type}" in request.` });
  const decoded = utf8Text(request.bytes);
  if ("error" in decoded) return json(400, { detail: `JSON parse error - ${decoded.error}` });
  let body: unknown;
  try {
    body = JSON.parse(decoded.text);
  } catch (error) {
    return json(400, { detail: `JSON parse error - ${(error as Error).message}` });
  }
  const load = route.operation.body;
  if (load === undefined) return body as StoredObject;
  const validate = await load();
  let result = validate(body);
  // Where DRF is more lenient than the spec (`"13"` for an integer, an unknown field), it reads the body its way first.
  const read = result.ok || context.strict ? undefined : drfRead(body, result.errors);
  if (read !== undefined) {
    body = read;
    result = validate(body);
  }
  // DRF checks each field on its own: a blank text, an unknown id, beside what breaks the schema (and instead of it, for that field).
  const schemaErrors = result.ok ? {} : validationErrorBody(result.errors, body);
  const fieldErrors = isObject(body)
    ? fieldRuleErrors(context.rules, body, context.settings, new Set(Object.keys(schemaErrors)))
    : {};
  if (result.ok && Object.keys(fieldErrors).length === 0) return body as StoredObject;
  return json(400, { ...schemaErrors, ...fieldErrors });
}

/** What Piriod refuses of an object as a whole, once each field is valid (`object`: as it would be stored), or nothing. */
function refusedAsWhole(
  resource: string,
  object: StoredObject,
  objects: Collection,
  context: ServerContext,
): Response | undefined {
  const errors = objectRuleErrors(resource, context.rules, object, objects.values(), context.settings);
  return Object.keys(errors).length > 0 ? json(400, errors) : undefined;
}

function isObject(value: unknown): value is StoredObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

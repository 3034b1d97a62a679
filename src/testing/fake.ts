import { parseBody } from "../api-error.js";
import { PiriodError, PiriodValidationError } from "../root-errors.js";
import { abortableSleep } from "../send.js";
import { type Access, answer, callerOf, json } from "./answer.js";
import { type FakeFault, FaultQueue, faultResponse, withHeaders } from "./faults.js";
import type { FakeServer } from "./http-server.js";
import { type FakeListenOptions, listenWith } from "./listen.js";
import type { FakeSpec } from "./model.js";
import { createdObject, exampleObject, newId, type ServerContext, type StoredObject } from "./objects.js";
import { DEFAULT_MAX_BODY_BYTES, readBody } from "./request-body.js";
import { routeOf, routesOf } from "./routes.js";
import { catalogueObject, NO_RULES, ruleSettings } from "./rules.js";
import { type FakeSpace, Space } from "./space.js";
import { createFakeWebhooks, type FakeWebhooks, WEBHOOK_TIMEOUT_MS } from "./webhooks.js";

export type { FakeSpace };

/** An operation by its client method (`customers.update`), of a client whose resources are `Resources`. */
export type OperationNameOf<Resources> = {
  [R in keyof Resources]: `${R & string}.${keyof Resources[R] & string}`;
}[keyof Resources];

/** A field of an object for `seed` and `build`: its value, or for an object the request names by id (`country`), that id. */
export type FakeFields<T> = { [K in keyof T]?: T[K] | (NonNullable<T[K]> extends { id: infer Id } ? Id : never) };

/** Objects to start from, by resource, of a spec whose resources store `Objects` (`{ customers: Customer, … }`). */
export type SeedOf<Objects> = { [R in keyof Objects]?: readonly FakeFields<Objects[R]>[] };

/** The options of a fake whose resources store `Objects`; the testing entry point adds the catalogues its spec names. */
export interface FakeOptions<Objects = Record<string, unknown>> {
  /** Accept only this API key (another answers 401 "Invalid token."). Default: any `Token <key>`. */
  apiKey?: string;
  /** Accept only these workspaces (another answers 403). Default: any. */
  workspaces?: readonly string[];
  /** The workspace `seed` and `build` use when not told; one of `workspaces` when given. Default the first of `workspaces`, else `acc_01H8XYZ123ABC`, the spec's example. */
  workspace?: string;
  /** The clock of `created` and `updated`. Default: the system's. */
  now?: () => Date;
  /** Start with the spec's example of each resource (`cus_01H8XYZ123ABC`, …) in `workspace`, live mode. Default false. */
  examples?: boolean;
  /**
   * The base URL your client is given. Its path (a gateway's `/piriod`) is where `fetch`, `listen`
   * and `handlers` serve Piriod's root, and anything outside it is answered 404; its origin is what
   * `handlers` intercept. Default `https://api.piriod.com`.
   */
  baseUrl?: string;
  /** How long a webhook delivery waits for the endpoint's status, in milliseconds: Piriod's 6,000 or less. Default 6,000. */
  webhookTimeoutMs?: number;
  /** Objects to start from (in `workspace`, live mode), and to go back to on each `reset()`, as `seed` takes them. Default none. */
  startWith?: SeedOf<Objects>;
  /** The largest request body read, in bytes; a larger one is answered 413 and left unread. Default 2,621,440 (2.5 MB, Django's default). */
  maxBodyBytes?: number;
  /** Keep only the newest this many requests in `requests`. Default: every one (the `piriod-fake` command keeps 1,000). */
  maxRequests?: number;
  /**
   * Refuse what the spec's closed schemas refuse even where Piriod (Django REST Framework) accepts it: `"13"` for an
   * integer field, `"true"` for a boolean, an unknown body field. Default false: read them as Piriod does.
   */
  strict?: boolean;
  /**
   * The account's own country (`CL`): with the `countries` catalogue, a customer of a country with tax regulation
   * (`has_regulation`) that is the account's own needs its `tax_id`. Default none: no such rule.
   */
  accountCountry?: string;
  /**
   * Send an `x-request-id` (`req_…`, new each time) with every answer, as `requestId` and `PiriodApiError.requestId` read it. Default
   * false: Piriod's docs do not document that header, so an answer without it is what the client must expect.
   */
  requestIds?: boolean;
}

/** A request the fake received, for assertions; `Operation` names the spec's operations. */
export interface ReceivedRequestOf<Operation extends string> {
  /** The operation it matched (`customers.update`); absent for a path the spec has not. */
  operation?: Operation;
  method: string;
  /** The path under the base URL, without the query: `/customers/cus_01H8XYZ123ABC/`. */
  path: string;
  query: Record<string, string>;
  /** Every header, names in lower case; `authorization` with its key replaced by `[redacted]`. */
  headers: Record<string, string>;
  /** The body: parsed JSON, else its text; absent for none. */
  body?: unknown;
  /** The status the fake answered; 0 for a dropped connection. */
  status: number;
  /** The `x-request-id` the fake answered with (with `requestIds` on, or a fault's), if any. */
  requestId?: string;
}

/** The `http` namespace of the caller's own msw 2.x: `import { http } from "msw"`. */
export interface MswHttp {
  // msw takes a string or a RegExp; the fake passes a RegExp (a base URL is matched as text, not as msw's path syntax).
  all(path: string | RegExp, resolver: (info: { request: Request }) => Promise<Response>): unknown;
}

/** A fake of a spec whose operations `Operation` names and whose resources store `Objects`. */
export interface FakeOf<Operation extends string, Objects> {
  /** A `fetch` served by the fake, for `createPiriodClient({ fetch: fake.fetch, … })`. */
  readonly fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /**
   * Request handlers for msw 2.x (`setupServer(...fake.handlers(http))`), for every request under `baseUrl` (default: the fake's own `baseUrl`);
   * a base URL with a path (a gateway's `https://gateway.example/piriod`) is served as Piriod's root.
   */
  handlers<H extends MswHttp>(http: H, options?: { baseUrl?: string }): ReturnType<H["all"]>[];
  /**
   * Serves the fake over HTTP, under the path of the fake's `baseUrl`: on 127.0.0.1 and a free port
   * unless told otherwise (`listen(4010)`, `listen({ port, host, corsOrigins, controlToken })`), with
   * CORS for any page when bound to loopback, and the control API at `/__piriod-fake/`.
   */
  listen(options?: number | FakeListenOptions): Promise<FakeServer>;
  /** Stores objects as they are (what the server writes itself, such as `id` and `created`, filled in when absent) and returns them. Throws naming every field that breaks the schema. */
  seed<S extends SeedOf<Objects>>(objects: S, where?: FakeSpace): { [R in keyof S & keyof Objects]: Objects[R][] };
  /** Factories: a valid object of each resource, from the spec's example, with a new id and your fields over it. Nothing is stored. */
  readonly build: { [R in keyof Objects]: (fields?: FakeFields<Objects[R]>) => Objects[R] };
  /** Every request received, oldest first (the newest `maxRequests` when that option is given). */
  readonly requests: readonly ReceivedRequestOf<Operation>[];
  /** The next call of `operation` misbehaves as `fault` says, once; then normal service. Several queue up in order. */
  failNext(operation: Operation, fault: FakeFault): void;
  /** Webhooks: register an endpoint (a URL or a handler), send it events signed as Piriod signs them, read the deliveries. */
  readonly webhooks: FakeWebhooks;
  /** Forgets every object, waiting fault, received request, webhook and delivery, and goes back to what it started from (`examples`, `startWith`). */
  reset(): void;
}

const DROPPED = Symbol("dropped connection");
const DEFAULT_WORKSPACE = "acc_01H8XYZ123ABC";
const DEFAULT_BASE_URL = "https://api.piriod.com";

/** A base URL as the fake serves it: without its trailing slashes, and its path alone (`/piriod`, or empty). */
function rootOf(baseUrl: string, label: string): { url: string; path: string } {
  let url: URL | undefined;
  try {
    url = new URL(String(baseUrl));
  } catch {
    // Named below, with the rule.
  }
  if (
    url === undefined ||
    (url.protocol !== "http:" && url.protocol !== "https:") ||
    url.search !== "" ||
    url.hash !== ""
  ) {
    throw new PiriodError(
      `${label} must be an absolute http or https URL without a query or fragment, not ${JSON.stringify(String(baseUrl))}`,
    );
  }
  const path = url.pathname.replace(/\/+$/, "");
  return { url: `${url.origin}${path}`, path };
}

/**
 * A fake Piriod in memory, serving every operation of `spec` (its operation table, resource models and validators, generated from
 * the spec) as Piriod would. The testing entry point makes the package's own (`createPiriodFake`).
 */
export function createFake<Operation extends string, Objects>(
  spec: FakeSpec,
  options: FakeOptions<Objects> = {},
): FakeOf<Operation, Objects> {
  type Fake = FakeOf<Operation, Objects>;
  const { resources, validators } = spec;
  const routes = routesOf(spec.operations);
  const access: Access = { apiKey: options.apiKey, workspaces: options.workspaces };
  const now = options.now ?? (() => new Date());
  // With `workspaces` alone, seeds go to the first of them: the default one would be stored where no call can read it.
  const defaultWorkspace = options.workspace ?? options.workspaces?.[0] ?? DEFAULT_WORKSPACE;
  refuseUnreadable(defaultWorkspace, "createPiriodFake");
  const spaces = new Map<string, Space>();
  const faults = new FaultQueue();
  const requests: ReceivedRequestOf<Operation>[] = [];
  const maxBodyBytes = checkedLimit(options.maxBodyBytes, "maxBodyBytes", DEFAULT_MAX_BODY_BYTES);
  const maxRequests = checkedLimit(options.maxRequests, "maxRequests", Number.POSITIVE_INFINITY);
  const strict = options.strict === true;
  const { requestIds = false } = options;
  if (typeof requestIds !== "boolean") throw new PiriodError("createPiriodFake: requestIds must be true or false");
  const settings = ruleSettings(
    options as Record<string, unknown>,
    spec.rules,
    (rule) => new PiriodError(`createPiriodFake: ${rule}`),
  );
  /** Keeps a request in `requests`, forgetting the oldest past `maxRequests`. */
  const record = (request: ReceivedRequestOf<Operation>) => {
    requests.push(request);
    if (requests.length > maxRequests) requests.splice(0, requests.length - maxRequests);
  };
  const operationNames = routes.map((route) => route.name);
  const base = rootOf(options.baseUrl ?? DEFAULT_BASE_URL, "createPiriodFake: baseUrl");
  const webhooks = createFakeWebhooks(webhookTimeout(options.webhookTimeoutMs));

  const spaceOf = (workspace: string, testMode: boolean): Space => {
    const key = JSON.stringify([workspace, testMode]);
    let space = spaces.get(key);
    if (space === undefined) {
      space = new Space();
      spaces.set(key, space);
    }
    return space;
  };
  const rulesOf = (resource: string) =>
    (Object.hasOwn(spec.rules, resource) ? spec.rules[resource] : undefined) ?? NO_RULES;
  const contextOf = (resource: string, testMode: boolean): ServerContext => ({
    newId: () => newId(resources[resource]?.idPrefix),
    now: now().toISOString(),
    testMode,
    strict,
    settings,
    rules: rulesOf(resource),
    catalogued: (field, id) => catalogueObject(rulesOf(resource), settings, field, id),
  });

  /** `basePath`: the path the caller's base URL puts before Piriod's own (`/piriod`), not part of the operation's path. */
  async function handle(request: Request, basePath: string): Promise<Response | typeof DROPPED> {
    request.signal.throwIfAborted();
    const url = new URL(request.url);
    const under = url.pathname.startsWith(`${basePath}/`);
    const path = under ? url.pathname.slice(basePath.length) : url.pathname;
    const bytes = await readBody(request.body, maxBodyBytes);
    const found = under ? routeOf(routes, request.method, path) : { allowed: [] };
    const route = "route" in found ? found.route : undefined;
    const text = bytes === undefined ? "" : new TextDecoder().decode(bytes);
    const received: ReceivedRequestOf<Operation> = {
      ...(route ? { operation: route.name as Operation } : {}),
      method: request.method,
      path,
      query: Object.fromEntries(url.searchParams),
      headers: redacted(request.headers),
      ...(text === "" ? {} : { body: parseBody(text) }),
      status: 0,
    };
    record(received);
    // A front server refuses a body too large before Piriod's application sees it, faults included.
    if (bytes === undefined)
      return sent(received, json(413, { detail: `Request body is larger than ${maxBodyBytes} bytes.` }), undefined);
    const fault = route ? faults.take(route.name) : undefined;
    if (fault?.delay) await abortableSleep(fault.delay, request.signal);
    if (fault?.drop) return DROPPED;
    const response = await (async () => {
      if (fault?.status !== undefined) return faultResponse(fault as FakeFault & { status: number });
      if (!("route" in found)) {
        return found.allowed.length > 0
          ? json(405, { detail: `Method "${request.method}" not allowed.` }, { allow: found.allowed.join(", ") })
          : json(404, { detail: "Not found." });
      }
      const caller = callerOf(request.headers, access);
      if ("refusal" in caller) return caller.refusal;
      const context = contextOf(found.route.resource, caller.testMode);
      return answer(
        found.route,
        resources[found.route.resource],
        found.params,
        { url, headers: request.headers, bytes },
        spaceOf(caller.workspace, caller.testMode),
        context,
      );
    })();
    return sent(received, response, fault);
  }

  /**
   * `response` as the fake sends it, noted on `received`: with an `x-request-id` when `requestIds` is on (a fault's own wins), and the
   * headers of a fault without a status added.
   */
  function sent(received: ReceivedRequestOf<Operation>, response: Response, fault: FakeFault | undefined): Response {
    const added: Record<string, string> = {
      ...(requestIds && !response.headers.has("x-request-id") ? { "x-request-id": newId("req") } : {}),
      ...(fault?.status === undefined ? fault?.headers : {}),
    };
    const out = Object.keys(added).length > 0 ? withHeaders(response, added) : response;
    received.status = out.status;
    const requestId = out.headers.get("x-request-id");
    if (requestId !== null) received.requestId = requestId;
    return out;
  }

  function stored(
    resource: string,
    fields: StoredObject,
    where: FakeSpace | undefined,
    build: boolean,
    label: string,
  ): StoredObject {
    const model = Object.hasOwn(resources, resource) ? resources[resource] : undefined;
    if (model === undefined) throw new PiriodError(`${label}: no resource "${resource}"`);
    if (fields === null || typeof fields !== "object" || Array.isArray(fields))
      throw new PiriodError(`${label} must be an object of ${model.schema}'s fields`);
    const context = contextOf(resource, where?.testMode ?? false);
    const object = build ? exampleObject(model, fields, context) : createdObject(model, fields, context);
    const result = validators[`validate${model.schema}`]?.(object);
    if (result && !result.ok) {
      throw new PiriodValidationError(
        `${label} is not a valid ${model.schema}: ${result.errors.map((issue) => issue.message).join("; ")}`,
        result.errors,
      );
    }
    return object;
  }

  /** Objects in a workspace the fake refuses could never be read: putting them there is a mistake, said at once. */
  function refuseUnreadable(workspace: string, who: string): void {
    if (access.workspaces !== undefined && !access.workspaces.includes(workspace))
      throw new PiriodError(
        `${who}: workspace ${JSON.stringify(workspace)} is not one the fake accepts (${access.workspaces.join(", ")})`,
      );
  }

  function seed(objects: SeedOf<Objects>, where: FakeSpace = {}): Record<string, unknown[]> {
    if (objects === null || typeof objects !== "object")
      throw new PiriodError("seed takes an object of lists by resource: { customers: [...] }");
    if (where.workspace !== undefined) refuseUnreadable(where.workspace, "seed");
    if (where.onDelete !== undefined && !["delete", "archive", "refuse"].includes(where.onDelete))
      throw new PiriodError(
        `seed: onDelete must be "delete", "archive" or "refuse", not ${JSON.stringify(where.onDelete)}`,
      );
    const made: Record<string, StoredObject[]> = {};
    // Every object is checked before any is stored, so a refused seed leaves the fake as it was.
    for (const [resource, list] of Object.entries(objects)) {
      if (!Object.hasOwn(resources, resource))
        throw new PiriodError(`seed: no resource "${resource}"; the spec has ${Object.keys(resources).join(", ")}`);
      if (!Array.isArray(list)) throw new PiriodError(`seed: ${resource} must be a list of objects`);
      made[resource] = list.map((fields, index) =>
        stored(resource, fields as StoredObject, where, false, `seed: ${resource}[${index}]`),
      );
    }
    const space = spaceOf(where.workspace ?? defaultWorkspace, where.testMode ?? false);
    for (const [resource, list] of Object.entries(made)) {
      const collection = space.collection(resource);
      const idField = resources[resource]?.server.id ?? "id";
      for (const object of list) {
        collection.set(String(object[idField]), object);
        if (where.onDelete !== undefined) collection.setOnDelete(String(object[idField]), where.onDelete);
      }
    }
    return structuredClone(made);
  }

  const seedExamples = () => {
    const examples = Object.entries(resources).flatMap(([resource, model]) =>
      model.example ? [[resource, [model.example]]] : [],
    );
    seed(Object.fromEntries(examples) as SeedOf<Objects>);
  };
  /** What the fake starts from, and goes back to on each reset: the spec's examples if asked, then `startWith`. */
  const seedStart = () => {
    if (options.examples) seedExamples();
    if (options.startWith !== undefined) seed(options.startWith);
  };
  seedStart();

  const respond = async (request: Request, basePath: string): Promise<Response> => {
    const response = await handle(request, basePath);
    return response === DROPPED ? Response.error() : response;
  };

  const fake: Fake = {
    fetch: async (input, init) => {
      const response = await handle(new Request(input, init), base.path);
      if (response === DROPPED)
        throw new TypeError("fetch failed", {
          cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
        });
      return response;
    },
    handlers: (http, handlerOptions = {}) => {
      const { url, path } =
        handlerOptions.baseUrl === undefined ? base : rootOf(handlerOptions.baseUrl, "handlers: baseUrl");
      // A pattern, not a path: a base URL's own `:tenant` or `*` is text to match, not msw's syntax.
      const under = new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/`);
      return [http.all(under, ({ request }) => respond(request, path)) as never];
    },
    listen: async (listenOptions) => {
      const server = await listenWith(
        listenOptions,
        async (request) => {
          const response = await handle(request, base.path);
          return response === DROPPED ? undefined : response;
        },
        fake,
        maxBodyBytes,
      );
      return { url: `${server.url}${base.path}`, port: server.port, close: server.close };
    },
    seed: seed as Fake["seed"],
    build: Object.fromEntries(
      Object.keys(resources).map((resource) => [
        resource,
        (fields: StoredObject = {}) => stored(resource, fields, undefined, true, `build.${resource}`),
      ]),
    ) as unknown as Fake["build"],
    get requests() {
      return requests;
    },
    failNext: (operation, fault) => faults.add(operation, operationNames, fault),
    webhooks: webhooks.webhooks,
    reset: () => {
      spaces.clear();
      faults.clear();
      requests.length = 0;
      webhooks.reset();
      seedStart();
    },
  };
  return fake;
}

/** A whole number option of 1 or more, or its default. */
function checkedLimit(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || (value as number) < 1)
    throw new PiriodError(`createPiriodFake: ${name} must be a whole number, 1 or more, not ${String(value)}`);
  return value as number;
}

/** The `webhookTimeoutMs` option: Piriod waits 6 s, and a test may wait less, never more. */
function webhookTimeout(timeoutMs: number | undefined): number {
  if (timeoutMs === undefined) return WEBHOOK_TIMEOUT_MS;
  if (typeof timeoutMs !== "number" || !(timeoutMs > 0) || timeoutMs > WEBHOOK_TIMEOUT_MS)
    throw new PiriodError(
      `createPiriodFake: webhookTimeoutMs must be a number of milliseconds above 0 and at most Piriod's ${WEBHOOK_TIMEOUT_MS}, not ${String(timeoutMs)}`,
    );
  return timeoutMs;
}

function redacted(headers: Headers): Record<string, string> {
  const result = Object.fromEntries(headers);
  if (result.authorization !== undefined)
    result.authorization = result.authorization
      .replace(/^(\s*token\s+).*$/i, "$1[redacted]")
      .replace(/^(?!\s*token\s)[\s\S]*$/i, "[redacted]");
  return result;
}

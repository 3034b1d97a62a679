import type { Client, Middleware } from "openapi-fetch";
import { checkId, jsonText, refusal } from "./arguments.js";
import type { ClientContext } from "./call.js";
import { HTTP_METHODS } from "./http-methods.js";
import { describeCall } from "./message-text.js";
import type { Operation, OperationTable } from "./operation.js";
import { headerProblem } from "./owned-headers.js";
import { send } from "./send.js";
import { toResponse } from "./transport.js";

/** Header parameters the client sends on every request from its options. */
type InjectedHeader = "x-simple-workspace" | "x-piriod-test-mode";
/** Parameters with the injected headers made optional: a call may still override them, never has to. */
type WithOptionalInjectedHeaders<Parameters> = Parameters extends { header: infer Header }
  ? Omit<Parameters, "header"> & {
      header?: Omit<Header, InjectedHeader> & Partial<Pick<Header, Extract<keyof Header, InjectedHeader>>>;
    }
  : Parameters;

/** A spec's `paths` (generated/schema.d.ts) as `piriod.raw` sees them: no call has to pass the headers the client injects. */
export type RawPaths<Paths> = {
  [Path in keyof Paths]: {
    [Key in keyof Paths[Path]]: Key extends "parameters"
      ? WithOptionalInjectedHeaders<Paths[Path][Key]>
      : Paths[Path][Key] extends { parameters: infer Parameters }
        ? Omit<Paths[Path][Key], "parameters"> & { parameters: WithOptionalInjectedHeaders<Parameters> }
        : Paths[Path][Key];
  };
};

/**
 * `piriod.raw`: openapi-fetch over the client's transport, authentication, injected headers, query serializer and retries. It builds
 * a standard `Request` (middleware may rebuild it), whose body is read once, to be re-sent as it is on every attempt.
 *
 * openapi-fetch is imported by the first call of `raw` (./raw-client.ts), so an app that never calls it does not carry it (some 2.5 kB
 * of a browser bundle's 7 kB). Until then there is no client to `use` middleware on: the middleware lives here, and each call hands
 * it to openapi-fetch before the call's own, the order openapi-fetch gives its client's and a call's.
 */
export function rawClient<Paths>(context: ClientContext, operations: OperationTable): Client<RawPaths<Paths>> {
  const { options } = context;
  const middleware: Middleware[] = [];
  let loading: Promise<Client<RawPaths<Paths>>> | undefined;
  const fetch = async (request: Request) => {
    const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
    const outgoing = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body,
      maxResponseBytes: options.maxResponseBytes,
    };
    const received = await send(context, outgoing, { ...options, signal: request.signal }, `raw.${request.method}`);
    // A 2xx the platform cannot decode: raw's caller would read an empty body as Piriod's answer.
    if (received.undecodable !== undefined && received.status >= 200 && received.status < 300) {
      const { undecodableError } = await import("./api-error.js");
      throw undecodableError(received, describeCall(request.method, request.url), context.redact);
    }
    return toResponse(received);
  };
  const headers = options.testMode ? { ...context.headers, "x-piriod-test-mode": "true" } : context.headers;
  const request = async (method: string, path: string, init?: RawInit) => {
    // The methods' rules hold here too: their path ids, their query rules (with the lists this operation takes), a body as JSON.
    const where = `${method} ${path}`;
    checkRawCall(init, where);
    const arrays = operationAt(operations, method, path)?.arrays;
    const { serializeQuery } = await import("./lists.js");
    const querySerializer = (query: unknown) => serializeQuery(query, where, { arrays });
    const bodySerializer = (body: unknown) => jsonText(body, where);
    loading ??= import("./raw-client.js").then((module) =>
      module.openApiFetchClient<RawPaths<Paths>>({ baseUrl: options.baseUrl, headers, fetch }),
    );
    return (await loading).request(
      method as "get",
      path as never,
      { ...init, querySerializer, bodySerializer, middleware: [...middleware, ...(init?.middleware ?? [])] } as never,
    );
  };
  const raw: Record<string, unknown> = {
    request,
    use(...added: Middleware[]) {
      for (const item of added.filter(Boolean)) {
        // The check openapi-fetch's own use() makes.
        if (typeof item !== "object" || !("onRequest" in item || "onResponse" in item || "onError" in item)) {
          throw new Error("Middleware must be an object with one of `onRequest()`, `onResponse() or `onError()`");
        }
        middleware.push(item);
      }
    },
    eject: (...removed: Middleware[]) => {
      for (const item of removed) {
        const index = middleware.indexOf(item);
        if (index !== -1) middleware.splice(index, 1);
      }
    },
  };
  for (const method of HTTP_METHODS.map((name) => name.toUpperCase()))
    raw[method] = (path: string, init?: object) => request(method, path, init);
  return raw as unknown as Client<RawPaths<Paths>>;
}

/** The operation of the spec at `path` with `method`, if any. */
function operationAt(operations: OperationTable, method: string, path: string): Operation | undefined {
  for (const methods of Object.values(operations))
    for (const operation of Object.values(methods))
      if (operation.method === method && operation.path === path) return operation;
  return undefined;
}

/** What `raw`'s calls are given, as far as the client reads it. */
interface RawInit {
  params?: { path?: Record<string, unknown>; header?: Record<string, unknown> };
  headers?: unknown;
  middleware?: Middleware[];
}

/**
 * Refuses what a resource method would refuse before anything is sent: a path id that cannot travel as one segment (`..` would reach
 * another path), and a header that cannot be sent (openapi-fetch would fail with a bare TypeError). Which headers a call may set is the
 * transport's last check, after the middleware.
 */
function checkRawCall(init: RawInit | undefined, where: string): void {
  for (const [name, id] of Object.entries(init?.params?.path ?? {})) checkId(id, name, where);
  const given = init?.headers instanceof Headers ? {} : (init?.headers ?? {});
  for (const [name, value] of [...Object.entries(given), ...Object.entries(init?.params?.header ?? {})]) {
    for (const item of [value].flat()) {
      const problem = item === undefined || item === null ? undefined : headerProblem(name, String(item));
      if (problem) throw refusal(where, "the call is refused", [{ path: "", keyword: "header", message: problem }]);
    }
  }
}

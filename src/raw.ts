import type { Client, Middleware } from "openapi-fetch";
import { type ClientContext, serializeQuery } from "./call.js";
import { HTTP_METHODS } from "./http-methods.js";
import { send, toResponse } from "./send.js";

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
export function rawClient<Paths>(context: ClientContext): Client<RawPaths<Paths>> {
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
    return toResponse(await send(context, outgoing, { ...options, signal: request.signal }));
  };
  const headers = options.testMode ? { ...context.headers, "x-piriod-test-mode": "true" } : context.headers;
  const request = async (method: string, path: string, init?: { middleware?: Middleware[] }) => {
    loading ??= import("./raw-client.js").then((module) =>
      module.openApiFetchClient<RawPaths<Paths>>({
        baseUrl: options.baseUrl,
        headers,
        querySerializer: serializeQuery,
        fetch,
      }),
    );
    return (await loading).request(
      method as "get",
      path as never,
      { ...init, middleware: [...middleware, ...(init?.middleware ?? [])] } as never,
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

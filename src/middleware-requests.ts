import type { Client } from "openapi-fetch";
import type { RuntimeRequests } from "./client.js";
import { requestClass, type BuildRequest } from "./request-class.js";

/** `INSPECT` of standard-members.ts, by its registered name: importing that module would load it up front in a browser bundle. */
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * Middleware gets standard requests. The client hands openapi-fetch its runtime's `Request` class
 * (light where that is cheaper), but a middleware may rebuild the request it is given
 * (`new Request(request, init)`), and a standard `Request` can only be built from a standard one.
 * So once a middleware is installed on `raw` (`use`), and for any call given middleware of its
 * own, openapi-fetch builds standard requests instead; middleware costs a call more than the
 * light class saves anyway. Until then, openapi-fetch gets the runtime's requests, made by `runtimeBuild`.
 */
export function lightRequests(runtimeBuild: BuildRequest): RuntimeRequests {
  let build = runtimeBuild;
  const useStandard = () => {
    build = buildRedactedRequest;
  };
  return { Request: requestClass((input, init) => build(input, init)), adopt: (raw) => standardRequestsForMiddleware(raw, useStandard) };
}

/** Makes `raw` build standard requests from its first `use` (`useStandard`), and for every call given middleware of its own. */
function standardRequestsForMiddleware<Paths extends {}>(raw: Client<Paths>, useStandard: () => void): void {
  const use = raw.use;
  raw.use = (...middleware) => {
    useStandard();
    use.apply(raw, middleware);
  };
  const methods = raw as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"]) {
    const send = methods[method]!;
    methods[method] = (url, init) => send(url, withStandardRequestForMiddleware(init));
  }
  const request = methods.request!;
  methods.request = (method, url, init) => request(method, url, withStandardRequestForMiddleware(init));
}

function withStandardRequestForMiddleware(init: unknown): unknown {
  const options = init as { middleware?: unknown[]; Request?: unknown } | undefined;
  return options?.middleware?.length && options.Request === undefined ? { ...options, Request: standardForMiddleware } : init;
}

const buildRedactedRequest: BuildRequest = (input, init) => new (redactedRequestClass())(input, init);
const standardForMiddleware = requestClass(buildRedactedRequest);

let RedactedRequest: typeof Request | undefined;

/**
 * A standard `Request` that `util.inspect` shows without its headers, which hold the API key.
 * Made on first use: in Node, touching `Request` loads the bundled undici, which importing the
 * package should not cost.
 */
function redactedRequestClass(): typeof Request {
  return (RedactedRequest ??= class Request extends globalThis.Request {
    [INSPECT](): string {
      return `Request { ${this.method} ${this.url} }`;
    }
  });
}

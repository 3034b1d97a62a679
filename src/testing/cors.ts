import type { HttpHandler } from "./http-server.js";

/** The methods a page may send across origins: those of the spec's operations and of the control API. */
const METHODS = "GET, POST, PUT, PATCH, DELETE";
/** A header name as HTTP writes one; a preflight asking for anything else is not answered for it. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * `handle` with Cross-Origin Resource Sharing for pages of `origins` (`*` for any): a preflight
 * (`OPTIONS` with `Access-Control-Request-Method`) is answered 204 allowing the headers it asks for
 * (the client sends `authorization`, `x-simple-workspace`, `x-piriod-test-mode`, `content-type` and
 * any of its `headers` option), and every answer to such a page lets it read the answer and its
 * headers. No credentials are involved: the key travels in a header, not a cookie. A page of
 * another origin gets no CORS headers, and its browser refuses the answer.
 */
export function withCors(handle: HttpHandler, origins: readonly string[]): HttpHandler {
  const allowed = (origin: string | null): origin is string =>
    origin !== null && (origins.includes("*") || origins.includes(origin));
  return async (request, peer) => {
    const origin = request.headers.get("origin");
    if (!allowed(origin)) return handle(request, peer);
    const vary = "Origin";
    const allowOrigin = origins.includes("*") ? "*" : origin;
    const method = request.headers.get("access-control-request-method");
    if (request.method === "OPTIONS" && method !== null) {
      const asked = (request.headers.get("access-control-request-headers") ?? "")
        .split(",")
        .map((name) => name.trim().toLowerCase())
        .filter((name) => TOKEN.test(name));
      return new Response(null, {
        status: 204,
        headers: {
          "access-control-allow-origin": allowOrigin,
          "access-control-allow-methods": METHODS,
          ...(asked.length > 0 ? { "access-control-allow-headers": asked.join(", ") } : {}),
          "access-control-max-age": "600",
          vary: `${vary}, Access-Control-Request-Headers`,
        },
      });
    }
    const response = await handle(request, peer);
    if (response === undefined) return undefined;
    const headers = new Headers(response.headers);
    headers.set("access-control-allow-origin", allowOrigin);
    // Every header of the answer, named: `*` is not understood by every browser a test may run.
    const exposed = [...headers.keys()].filter((name) => !name.startsWith("access-control-"));
    if (exposed.length > 0) headers.set("access-control-expose-headers", exposed.join(", "));
    headers.append("vary", vary);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

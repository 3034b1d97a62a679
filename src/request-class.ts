/** How a runtime builds a request for openapi-fetch: a light one where the standard class costs more. */
export type BuildRequest = (input: string | URL, init?: RequestInit) => Request;

/**
 * A class for openapi-fetch whose instances `build` makes. openapi-fetch accepts a middleware's
 * request only if it is an instance of the class it was given: here, any standard one is.
 */
export function requestClass(build: BuildRequest): typeof Request {
  const ClientRequest = function ClientRequest(input: string | URL, init?: RequestInit) {
    return build(input, init);
  } as unknown as typeof Request;
  Object.defineProperty(ClientRequest, Symbol.hasInstance, { value: (value: unknown) => value instanceof globalThis.Request });
  return ClientRequest;
}

import createClient, { type ClientOptions } from "openapi-fetch";

/**
 * openapi-fetch's client for `raw`, in a module of its own: imported by `raw`'s first call, it takes nothing else of the client with
 * it. The caller names the paths it serves (`raw.ts` imports this module, so this module imports nothing of it).
 */
export const openApiFetchClient = <Paths extends object>(options: ClientOptions) =>
  createClient<Paths>({ ...options, Request: RawRequest });

let RedactedRequest: typeof Request | undefined;

/**
 * The standard `Request`, which `util.inspect` shows without its headers (they hold the API key). Made on first use: in Node,
 * touching `Request` loads the bundled undici. openapi-fetch takes a middleware's request if it is an instance of this class: any
 * standard one is.
 */
const RawRequest = function RawRequest(input: string | URL, init?: RequestInit) {
  RedactedRequest ??= class Request extends globalThis.Request {
    [Symbol.for("nodejs.util.inspect.custom")](): string {
      return `Request { ${this.method} ${this.url} }`;
    }
  };
  return new RedactedRequest(input, init);
} as unknown as typeof Request;
Object.defineProperty(RawRequest, Symbol.hasInstance, {
  value: (value: unknown) => value instanceof globalThis.Request,
});

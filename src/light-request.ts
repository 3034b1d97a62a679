import type { RequestParts } from "./request-parts.js";
import { INSPECT, standardMembersOnFirstUse } from "./standard-members.js";

/**
 * `REQUEST_PARTS` of request-parts.ts, by the same registered name: importing that module here
 * would split it into a chunk of its own, one more file for a browser app to load.
 */
const REQUEST_PARTS = Symbol.for("piriod.requestParts");

/**
 * The `Request` class handed to openapi-fetch. A standard `Request` parses the URL and wraps the
 * body in a stream (about a quarter of openapi-fetch's cost per call in Node); this one keeps
 * what openapi-fetch gives it, so the body can be re-sent as is on every retry. It passes for a
 * `Request` (`instanceof` holds, every standard member works), and a middleware may still
 * replace it with a standard one.
 */
export class LightRequest {
  readonly #url: string;
  readonly #method: string;
  readonly #headers: Headers;
  readonly #body: BodyInit | undefined;
  readonly #signal: AbortSignal | undefined;
  readonly #redirect: RequestRedirect;
  #standard: Request | undefined;

  constructor(input: string | URL, init: RequestInit = {}) {
    LightRequest.#inheritStandardMembers();
    this.#url = String(input);
    this.#method = init.method ?? "GET";
    this.#headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.#body = init.body ?? undefined;
    this.#signal = init.signal ?? undefined;
    this.#redirect = init.redirect ?? "follow";
  }

  /** openapi-fetch checks a middleware's result with `instanceof` this class: standard requests pass too. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof Request === "function" ? value instanceof Request : typeof value === "object" && value !== null && #url in value;
  }

  /** The parts the retrying fetch needs, without building a standard request. */
  [REQUEST_PARTS](): RequestParts {
    return { body: this.#body, signal: this.#signal };
  }

  static #toStandard(light: LightRequest): Request {
    return (light.#standard ??= new Request(light.#url, {
      method: light.#method,
      headers: light.#headers,
      body: light.#body,
      signal: light.#signal,
      redirect: light.#redirect,
    }));
  }

  static #inheritStandardMembers = standardMembersOnFirstUse(
    LightRequest,
    () => globalThis.Request,
    (light) => LightRequest.#toStandard(light),
  );

  get url(): string {
    return this.#url;
  }
  get method(): string {
    return this.#method;
  }
  get headers(): Headers {
    return this.#headers;
  }
  get signal(): AbortSignal {
    return this.#signal ?? LightRequest.#toStandard(this).signal;
  }
  get redirect(): RequestRedirect {
    return this.#redirect;
  }
  text(): Promise<string> {
    const body = this.#body;
    if (body === undefined || typeof body === "string") return Promise.resolve(body ?? "");
    // Bytes, form data, …: read through a fresh standard body each time, so the text can be read again.
    return new Response(body).text();
  }
  json(): Promise<unknown> {
    return this.text().then(JSON.parse);
  }
  clone(): LightRequest {
    return new LightRequest(this.#url, {
      method: this.#method,
      headers: new Headers(this.#headers),
      body: this.#body,
      signal: this.#signal,
      redirect: this.#redirect,
    });
  }

  /** What `util.inspect` shows: never the `Authorization` header. */
  [INSPECT](): string {
    return `LightRequest { ${this.#method} ${this.#url} }`;
  }
}


import { PiriodError } from "./errors.js";
import { INSPECT, standardMembersOnFirstUse } from "./standard-members.js";

/** A request body the transports can send again on every attempt. */
export type ReplayableBody = string | Uint8Array | undefined;

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
  readonly #body: ReplayableBody;
  readonly #signal: AbortSignal | undefined;
  readonly #redirect: RequestRedirect;
  #standard: Request | undefined;

  constructor(input: string | URL, init: RequestInit = {}) {
    LightRequest.#inheritStandardMembers();
    this.#url = String(input);
    this.#method = init.method ?? "GET";
    this.#headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.#body = replayableBody(init.body);
    this.#signal = init.signal ?? undefined;
    this.#redirect = init.redirect ?? "follow";
  }

  /** openapi-fetch checks a middleware's result with `instanceof` this class: standard requests pass too. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof Request === "function" ? value instanceof Request : typeof value === "object" && value !== null && #url in value;
  }

  /** The parts the retrying fetch needs, without building a standard request; `undefined` for any other request. */
  static parts(request: Request): { body: ReplayableBody; signal: AbortSignal | undefined } | undefined {
    const light = request as unknown as LightRequest;
    return #url in light ? { body: light.#body, signal: light.#signal } : undefined;
  }

  static #toStandard(light: LightRequest): Request {
    return (light.#standard ??= new Request(light.#url, {
      method: light.#method,
      headers: light.#headers,
      body: light.#body as BodyInit | undefined,
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
    return Promise.resolve(body === undefined ? "" : typeof body === "string" ? body : new TextDecoder().decode(body));
  }
  json(): Promise<unknown> {
    return this.text().then(JSON.parse);
  }
  clone(): LightRequest {
    return new LightRequest(this.#url, {
      method: this.#method,
      headers: new Headers(this.#headers),
      body: this.#body as BodyInit | undefined,
      signal: this.#signal,
      redirect: this.#redirect,
    });
  }

  /** What `util.inspect` shows: never the `Authorization` header. */
  [INSPECT](): string {
    return `LightRequest { ${this.#method} ${this.#url} }`;
  }
}

function replayableBody(body: BodyInit | null | undefined): ReplayableBody {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string" || body instanceof Uint8Array) return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new PiriodError("Only string, URLSearchParams and byte bodies can be sent (and re-sent on retries)");
}

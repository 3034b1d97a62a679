import { INSPECT, standardMembersOnFirstUse } from "./standard-members.js";
import type { RespondWith } from "./transport.js";

/** Statuses whose responses have no body: a standard `Response` refuses one. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const decoder = new TextDecoder();

/**
 * A response whose body has fully arrived. Every transport reads the whole body inside the
 * attempt, so a timeout or a reset mid-body fails the attempt (and is retried) instead of
 * surfacing later from `response.json()`. Building a standard `Response` and reading it back
 * through its stream costs more than the rest of a call in Node; this class reads the bytes it
 * holds. It passes for a `Response` (`instanceof` holds, every standard member works), and its
 * body can be read more than once.
 */
export class BufferedResponse {
  readonly #status: number;
  readonly #statusText: string;
  readonly #headers: Headers;
  readonly #bytes: Uint8Array | null;
  readonly #url: string;
  #standard: Response | undefined;

  constructor(status: number, statusText: string, headers: Headers, bytes: Uint8Array | null, url: string) {
    BufferedResponse.#inheritStandardMembers();
    this.#status = status;
    this.#statusText = statusText;
    this.#headers = headers;
    this.#bytes = NULL_BODY_STATUSES.has(status) ? null : bytes;
    this.#url = url;
  }

  static #toStandard(buffered: BufferedResponse): Response {
    return (buffered.#standard ??= new Response(buffered.#bytes as BodyInit | null, {
      status: buffered.#status,
      statusText: buffered.#statusText,
      headers: buffered.#headers,
    }));
  }

  static #inheritStandardMembers = standardMembersOnFirstUse(
    BufferedResponse,
    () => globalThis.Response,
    (buffered) => BufferedResponse.#toStandard(buffered),
  );

  get status(): number {
    return this.#status;
  }
  get statusText(): string {
    return this.#statusText;
  }
  get ok(): boolean {
    return this.#status >= 200 && this.#status < 300;
  }
  get headers(): Headers {
    return this.#headers;
  }
  get url(): string {
    return this.#url;
  }
  get redirected(): boolean {
    return false;
  }
  get type(): ResponseType {
    return "basic";
  }
  get bodyUsed(): boolean {
    return false;
  }
  text(): Promise<string> {
    return Promise.resolve(this.#bytes === null ? "" : decoder.decode(this.#bytes));
  }
  json(): Promise<unknown> {
    return this.text().then(JSON.parse);
  }
  arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.#bytes ?? new Uint8Array(0);
    return Promise.resolve(bytes.slice().buffer as ArrayBuffer);
  }
  clone(): BufferedResponse {
    return new BufferedResponse(this.#status, this.#statusText, new Headers(this.#headers), this.#bytes, this.#url);
  }

  [INSPECT](): string {
    return `BufferedResponse { ${this.#status} ${this.#url} }`;
  }
}

/** A transport's response as a `BufferedResponse`: where the standard class is costly (Node), this is far cheaper. */
export const bufferedResponse: RespondWith = (status, statusText, headers, bytes, url) =>
  new BufferedResponse(status, statusText, headers, bytes, url) as unknown as Response;

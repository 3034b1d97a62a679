import { PiriodError } from "./errors.js";
import { type ReceivedResponse, toResponse } from "./transport.js";

/** A successful call with what came with it. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  /** The `x-request-id` header of the response, to quote when asking Piriod about a call. */
  requestId: string | null;
}

/** A successful call, whose standard `Response` is built only if asked for. */
export class CallResult<T> implements WithResponse<T> {
  #response: Response | undefined;
  readonly #received: ReceivedResponse;
  constructor(
    readonly data: T,
    received: ReceivedResponse,
  ) {
    this.#received = received;
  }
  get response(): Response {
    this.#response ??= toResponse(this.#received);
    return this.#response;
  }
  get requestId(): string | null {
    return this.#received.headers.get("x-request-id");
  }
}

/**
 * What a resource method returns: awaiting it gives the typed data; `.withResponse()` gives the data with the response (status, headers,
 * request id). The call starts at once; the data promise is derived only when awaited, so a caller who uses `.withResponse()` alone is not
 * left with a second, unobserved rejection.
 */
export class PiriodPromise<T> extends Promise<T> {
  readonly #result: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;
  constructor(result: Promise<WithResponse<T>>) {
    super((resolve) => resolve(undefined as T));
    this.#result = result;
  }
  // `then` below never calls the base class, so a derived promise is a plain one.
  static override get [Symbol.species]() {
    return Promise;
  }
  withResponse(): Promise<WithResponse<T>> {
    return this.#result;
  }
  // biome-ignore lint/suspicious/noThenProperty: this class is a Promise; its then derives the data promise lazily.
  override then<Fulfilled = T, Rejected = never>(
    onFulfilled?: ((value: T) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    this.#data ??= this.#result.then(({ data }) => data);
    return this.#data.then(onFulfilled, onRejected);
  }
}

/**
 * One page of a list: its `items`, the `count` of every item the list holds, and the way to the next page. The next page is asked of
 * the client's own base URL, with the first page's query and the `page` number Piriod's `next` link names: the link's host is never
 * contacted, so the key goes nowhere else.
 */
export class Page<T> {
  readonly items: T[];
  readonly count: number;
  readonly #next: number | undefined;
  readonly #fetch: (page: number) => PagePromise<T>;
  constructor(
    envelope: { count: number; next?: string | null; results: T[] },
    fetch: (page: number) => PagePromise<T>,
  ) {
    this.items = envelope.results;
    this.count = envelope.count;
    const page = envelope.next
      ? Number(new URL(envelope.next, "https://api.piriod.com").searchParams.get("page"))
      : Number.NaN;
    this.#next = Number.isSafeInteger(page) && page > 0 ? page : undefined;
    this.#fetch = fetch;
  }
  hasNextPage(): boolean {
    return this.#next !== undefined;
  }
  getNextPage(): PagePromise<T> {
    if (this.#next === undefined)
      return new PagePromise(
        Promise.reject(new PiriodError("getNextPage: this is the last page; ask hasNextPage() first")),
      );
    return this.#fetch(this.#next);
  }
}

/**
 * What a list method returns: awaiting it gives the first page; `for await` gives every item of every page, asking for each page as
 * the last one's items are done. An item deleted meanwhile shifts the later ones back a place, so a loop that deletes what it reads
 * skips some: collect the ids first, then delete.
 */
export class PagePromise<T> extends PiriodPromise<Page<T>> implements AsyncIterable<T> {
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (
      let page: Page<T> | undefined = await this;
      page;
      page = page.hasNextPage() ? await page.getNextPage() : undefined
    )
      yield* page.items;
  }
}

import { PiriodAbortError, PiriodError } from "./errors.js";
import { PiriodPromise, type WithResponse } from "./promises.js";

/** Piriod's list envelope (Django REST Framework's page). */
export interface Envelope<T> {
  count: number;
  next?: string | null;
  previous?: string | null;
  results: T[];
}

/** The call that gave a page, as the page asks for the next one. */
export interface ListCall<T> {
  /** The method, as messages name it (`customers.list`). */
  name: string;
  /** The query the page was asked with. */
  query: Record<string, unknown> | undefined;
  /** The caller's signal: iteration stops when it aborts. */
  signal: AbortSignal | undefined;
  /** The same call with another query. */
  again(query: Record<string, unknown>): Promise<WithResponse<Page<T>>>;
  /** A text for a message, the key taken out. */
  redact(text: string): string;
}

/**
 * One page of a list: its `items`, the `count` of every item the list holds, and the ways to the pages beside it. Those are asked of the
 * client's own base URL, with the first page's query and the `page` number Piriod's `next` or `previous` link names (a `previous` link
 * without one is page 1, as Django REST Framework writes it): the link's host is never contacted, so the key goes nowhere else. Every
 * list ends: at an empty page or a page without a next link, and with a `PiriodError` naming the link when it names no page after this
 * one (before it, for `previous`), or when the pages bring more items than the count and two pages more.
 */
export class Page<T> implements AsyncIterable<T> {
  readonly items: T[];
  readonly count: number;
  readonly #links: { next: string | null | undefined; previous: string | null | undefined };
  readonly #list: ListCall<T>;
  /** The items of this page and the pages before it that this one was reached from. */
  #seen: number;
  /** The first of those pages: the list may bring its count of items, and two of its pages more for items created meanwhile. */
  #first: { count: number; size: number };
  constructor(envelope: Envelope<T>, list: ListCall<T>) {
    this.items = envelope.results;
    this.count = envelope.count;
    this.#links = { next: envelope.next, previous: envelope.previous };
    this.#list = list;
    this.#seen = this.items.length;
    this.#first = { count: this.count, size: this.items.length };
  }

  /** Whether a next page is to be asked for: this one has items, and a next link. */
  hasNextPage(): boolean {
    return this.items.length > 0 && typeof this.#links.next === "string";
  }

  getNextPage(): PagePromise<T> {
    return new PagePromise(this.#follow("next"));
  }

  /** Whether a previous page is to be asked for: this one has a previous link. */
  hasPreviousPage(): boolean {
    return typeof this.#links.previous === "string";
  }

  getPreviousPage(): PagePromise<T> {
    return new PagePromise(this.#follow("previous"));
  }

  /** This page and each page after it, one at a time; each next page is asked for as the last one is done. */
  async *iterPages(): AsyncGenerator<Page<T>> {
    for (let page: Page<T> = this; ; page = await page.getNextPage()) {
      yield page;
      if (!page.hasNextPage()) return;
    }
  }

  /** Every item of this page and the pages after it; each next page is asked for as the last one's items are done. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for await (const page of this.iterPages()) {
      for (const item of page.items) {
        const { signal, name } = this.#list;
        if (signal?.aborted) throw new PiriodAbortError(`${name} was aborted`, { cause: signal.reason });
        yield item;
      }
    }
  }

  /** The items of this page and the pages after it, at most `limit` of them: no page is asked for once there are enough. */
  async collect(limit: number): Promise<T[]> {
    if (!Number.isSafeInteger(limit) || limit < 1)
      throw new PiriodError(`${this.#list.name}: collect's limit must be a whole number, 1 or more`);
    const items: T[] = [];
    for await (const item of this) {
      items.push(item);
      if (items.length >= limit) break;
    }
    return items;
  }

  async #follow(direction: "next" | "previous"): Promise<WithResponse<Page<T>>> {
    const forward = direction === "next";
    if (!(forward ? this.hasNextPage() : this.hasPreviousPage()))
      throw new PiriodError(
        forward
          ? "getNextPage: this is the last page; ask hasNextPage() first"
          : "getPreviousPage: this is the first page; ask hasPreviousPage() first",
      );
    const rules = await import("./lists.js");
    const number = rules.linkedPageNumber(direction, this.#links[direction] as string, this.#list);
    const result = await this.#list.again({ ...this.#list.query, page: number });
    // A page reached backwards starts its own count: only a walk forwards can go on without end.
    if (!forward) return result;
    const next = result.data;
    next.#seen = this.#seen + next.items.length;
    next.#first = this.#first;
    rules.checkItemCount(next.#seen, this.#first, number, this.#list.name);
    return result;
  }
}

/**
 * What a list method returns: awaiting it gives the first page; `for await` gives every item of every page, asking for each page as
 * the last one's items are done; `iterPages()` gives the pages, and `collect(limit)` the first `limit` items.
 */
export class PagePromise<T> extends PiriodPromise<Page<T>> implements AsyncIterable<T> {
  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    yield* await this;
  }

  async *iterPages(): AsyncGenerator<Page<T>> {
    yield* (await this).iterPages();
  }

  async collect(limit: number): Promise<T[]> {
    return (await this).collect(limit);
  }
}

import type { ValidationIssue } from "../generated/validators/runtime.js";
import { PiriodAbortError, PiriodError } from "./errors.js";
import { PiriodPromise, type WithResponse } from "./promises.js";
import { shorten } from "./summary.js";

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

/** A `page` the client can read and trust: digits only, no sign, no exponent, exact as a number. */
const PAGE_NUMBER = /^[1-9][0-9]{0,14}$/;

/**
 * Why a list's body is no Piriod envelope, checked whether or not response validation is on: iterating `results` that are a string
 * would give its letters, and a `next` that is no URL could never be followed.
 */
export function envelopeIssues(body: unknown): ValidationIssue[] {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return [
      { path: "", keyword: "type", message: "the body must be an object with count, next, previous and results" },
    ];
  const { count, next, previous, results } = body as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  if (!Number.isSafeInteger(count) || (count as number) < 0)
    issues.push({ path: "/count", keyword: "type", message: "/count must be a whole number, 0 or more" });
  for (const [name, link] of [
    ["next", next],
    ["previous", previous],
  ] as const) {
    if (link !== undefined && link !== null && !isUrl(link))
      issues.push({ path: `/${name}`, keyword: "format", message: `/${name} must be a URL or null` });
  }
  if (!Array.isArray(results)) issues.push({ path: "/results", keyword: "type", message: "/results must be an array" });
  return issues;
}

function isUrl(link: unknown): boolean {
  try {
    return typeof link === "string" && new URL(link).protocol.startsWith("http");
  } catch {
    return false;
  }
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
    const method = forward ? "getNextPage" : "getPreviousPage";
    if (!(forward ? this.hasNextPage() : this.hasPreviousPage()))
      throw new PiriodError(
        `${method}: this is the ${forward ? "last" : "first"} page; ask ${forward ? "hasNextPage" : "hasPreviousPage"}() first`,
      );
    const { name, query, redact } = this.#list;
    const target = this.#links[direction] as string;
    const link = shorten(redact(target));
    const stop = (why: string) => new PiriodError(`${name}: ${why}; the list stops here`);
    const current = Number(PAGE_NUMBER.test(String(query?.page)) ? query?.page : 1);
    // Django REST Framework links to page 1 without a `page`.
    const number = new URL(target).searchParams.get("page") ?? (forward ? "" : "1");
    if (!PAGE_NUMBER.test(number))
      throw stop(
        `the ${direction} link ${link} names no page the client can read (a positive whole number written in digits)`,
      );
    if (forward ? Number(number) <= current : Number(number) >= current)
      throw stop(
        `the ${direction} link ${link} names page ${number}, which does not come ${forward ? "after" : "before"} page ${current}`,
      );
    const result = await this.#list.again({ ...query, page: Number(number) });
    // A page reached backwards starts its own count: only a walk forwards can go on without end.
    if (!forward) return result;
    const next = result.data;
    const first = this.#first;
    next.#seen = this.#seen + next.items.length;
    next.#first = first;
    if (next.#seen > first.count + 2 * first.size)
      throw stop(
        `page ${number} brings the items to ${next.#seen}, more than the list's count (${first.count}) and two pages of ${first.size} more`,
      );
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

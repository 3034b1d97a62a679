import type { ValidationIssue } from "../generated/validators/runtime.js";
import { PiriodError } from "./errors.js";
import { PiriodPromise, type WithResponse } from "./promises.js";

/** Piriod's list envelope (Django REST Framework's page). */
export interface Envelope<T> {
  count: number;
  next?: string | null;
  previous?: string | null;
  results: T[];
}

/** The call that gave a page, as the page asks for the next one: its query, and the same call with another query. */
export interface ListCall<T> {
  query: Record<string, unknown> | undefined;
  again(query: Record<string, unknown>): Promise<WithResponse<Page<T>>>;
}

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
 * One page of a list: its `items`, the `count` of every item the list holds, and the way to the next page. The next page is asked of
 * the client's own base URL, with the first page's query and the `page` number Piriod's `next` link names: the link's host is never
 * contacted, so the key goes nowhere else.
 */
export class Page<T> {
  readonly items: T[];
  readonly count: number;
  readonly #next: number | undefined;
  readonly #list: ListCall<T>;
  constructor(envelope: Envelope<T>, list: ListCall<T>) {
    this.items = envelope.results;
    this.count = envelope.count;
    const page = envelope.next
      ? Number(new URL(envelope.next, "https://api.piriod.com").searchParams.get("page"))
      : Number.NaN;
    this.#next = Number.isSafeInteger(page) && page > 0 ? page : undefined;
    this.#list = list;
  }
  hasNextPage(): boolean {
    return this.#next !== undefined;
  }
  getNextPage(): PagePromise<T> {
    if (this.#next === undefined)
      return new PagePromise(
        Promise.reject(new PiriodError("getNextPage: this is the last page; ask hasNextPage() first")),
      );
    return new PagePromise(this.#list.again({ ...this.#list.query, page: this.#next }));
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

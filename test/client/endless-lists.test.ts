import { describe, expect, it } from "vitest";
import { PiriodAbortError, PiriodError } from "../../src/errors.js";
import * as fetchEntry from "../../src/index.js";
import * as nodeEntry from "../../src/node.js";
import type { PagePromise } from "../../src/pages.js";
import { API_KEY, customer, WORKSPACE } from "../helpers/client-fixtures.ts";
import { expectNoUnhandledRejections } from "../helpers/client-unhandled.ts";
import { defined } from "../helpers/defined.ts";
import { faultServerOfFile } from "../helpers/fault-server-of-file.ts";
import { type Answer, json } from "../helpers/http-fault-server.ts";
import { operationMethod, widgetList } from "../helpers/operation-context.ts";

// Lists a server could make endless, against a real local server through both transports
// on the generic call path (an invented list operation), and through customers.list in both entries.
// Every server here stops answering with a next link after SERVER_LIMIT requests, so that a client
// without the rule ends too, and the test fails on the count of requests instead of hanging.
expectNoUnhandledRejections();

const SERVER_LIMIT = 40;
const LIST = widgetList(["page", "page_size", "country"]);

const server = faultServerOfFile();

/** The page the request asks for (1 without `page`). */
const pageOf = (url: string | undefined) =>
  Number(new URL(defined(url, "the request's URL"), "http://localhost").searchParams.get("page") ?? 1);

/**
 * Answers every request with `page(number)` (the page asked for): `count`, the `results` and the `next` link's query,
 * until SERVER_LIMIT requests, after which `next` is null.
 */
function pages(page: (number: number) => { count: number; results: unknown[]; next: string | null }): Answer {
  return (response, request) => {
    const { count, results, next } = page(pageOf(request.url));
    const link =
      next !== null && server.received.length < SERVER_LIMIT ? `https://api.piriod.com/widgets/?${next}` : null;
    json(200, { count, next: link, previous: null, results })(response, request, () => {});
  };
}

/** Every item `for await` yields before the iteration ends, and how it ended. */
async function iterate(list: AsyncIterable<unknown>): Promise<{ items: unknown[]; error: unknown }> {
  const items: unknown[] = [];
  try {
    for await (const item of list) items.push(item);
    return { items, error: undefined };
  } catch (error) {
    return { items, error };
  }
}

describe.each(["node", "fetch"] as const)("a list through the %s transport", (transport) => {
  const list = () =>
    operationMethod(LIST, { baseUrl: server.url, transport }) as (...args: unknown[]) => PagePromise<unknown>;

  it("ends at an empty page, although its next link goes on", async () => {
    server.answer(pages((page) => ({ count: 2, results: page === 1 ? ["a", "b"] : [], next: `page=${page + 1}` })));
    const { items, error } = await iterate(list()());
    expect([items, error]).toEqual([["a", "b"], undefined]);
    expect(server.received).toHaveLength(2);
    const empty = await (await list()()).getNextPage();
    expect(empty.hasNextPage()).toBe(false);
  });

  it("ends at a first page that is empty, sending nothing more", async () => {
    server.answer(pages((page) => ({ count: 0, results: [], next: `page=${page + 1}` })));
    expect(await iterate(list()())).toEqual({ items: [], error: undefined });
    expect(server.received).toHaveLength(1);
  });

  it.each([
    ["names the same page", (page: number) => `page=${page}`],
    ["names an earlier page", (page: number) => `page=${page - 1}`],
  ])("refuses a next link that %s, naming it, after the items of the pages before", async (_case, next) => {
    server.answer(
      pages((page) => ({ count: 10, results: [`item ${page}`], next: page === 1 ? "page=2" : next(page) })),
    );
    const { items, error } = await iterate(list()({ country: "CL" }));
    expect(items).toEqual(["item 1", "item 2"]);
    expect(error).toBeInstanceOf(PiriodError);
    expect((error as Error).message).toMatch(
      /^widgets\.test: the next link https:\/\/api\.piriod\.com\/widgets\/\?page=[12] names page [12], which does not come after page 2; the list stops here$/,
    );
    expect(server.received).toHaveLength(2);
  });

  it("starts from the page the query names, and follows only links past it", async () => {
    server.answer(pages((page) => ({ count: 10, results: [`item ${page}`], next: "page=3" })));
    const { items, error } = await iterate(list()({ page: 3 }));
    expect(items).toEqual(["item 3"]);
    expect((error as Error).message).toMatch(/names page 3, which does not come after page 3/);
  });

  it.each([
    ["a cursor", "cursor=cD0yMDI2"],
    ["page=last", "page=last"],
    ["a number too large to be exact", "page=1e20"],
    ["a hexadecimal number", "page=0x10"],
    ["a number with a space before it", "page=%203"],
    ["a negative number", "page=-2"],
    ["no page at all", "page_size=20"],
  ])("refuses a next link with %s for its page, naming it", async (_case, next) => {
    server.answer(pages(() => ({ count: 10, results: ["a"], next })));
    const page = await list()();
    expect(page.hasNextPage()).toBe(true);
    const error = await page.getNextPage().catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PiriodError);
    expect((error as Error).message).toBe(
      `widgets.test: the next link https://api.piriod.com/widgets/?${next} names no page the client can read (a positive whole number written in digits); the list stops here`,
    );
    expect(await iterate(list()())).toMatchObject({ items: ["a"], error: { message: (error as Error).message } });
    expect(server.received).toHaveLength(2);
  });

  it("refuses items beyond the count and two pages more", async () => {
    server.answer(pages((page) => ({ count: 3, results: [`${page}a`, `${page}b`], next: `page=${page + 1}` })));
    const { items, error } = await iterate(list()());
    expect(items).toEqual(["1a", "1b", "2a", "2b", "3a", "3b"]);
    expect(error).toBeInstanceOf(PiriodError);
    expect((error as Error).message).toBe(
      "widgets.test: page 4 brings the items to 8, more than the list's count (3) and two pages of 2 more; the list stops here",
    );
    expect(server.received).toHaveLength(4);
  });

  it("stops before yielding the rest of the page when the caller's signal aborts", async () => {
    server.answer(
      pages((page) => ({ count: 6, results: [`${page}a`, `${page}b`, `${page}c`], next: `page=${page + 1}` })),
    );
    const controller = new AbortController();
    const items: unknown[] = [];
    const error = await (async () => {
      for await (const item of list()({}, { signal: controller.signal })) {
        items.push(item);
        controller.abort(new Error("enough"));
      }
    })().catch((reason: unknown) => reason);
    expect(items).toEqual(["1a"]);
    expect(error).toBeInstanceOf(PiriodAbortError);
    expect((error as Error).cause).toEqual(new Error("enough"));
    expect(server.received).toHaveLength(1);
  });

  it("ignores a previous link without a page, as Django REST Framework writes page 2's", async () => {
    server.answer((response, request) => {
      const page = pageOf(request.url);
      json(200, {
        count: 2,
        next: page === 1 ? `https://api.piriod.com/widgets/?page=2` : null,
        previous: page === 2 ? "https://api.piriod.com/widgets/" : null,
        results: [page],
      })(response, request, () => {});
    });
    expect(await iterate(list()())).toEqual({ items: [1, 2], error: undefined });
  });
});

describe.each([
  ["the node entry", nodeEntry],
  ["the fetch entry", fetchEntry],
] as const)("customers.list through %s", (_entry, { createPiriodClient }) => {
  const piriod = () =>
    createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl: server.url, maxRetries: 0 });
  const customers = (page: number) => [{ ...customer, id: `cus_${page}` }];

  it("ends at an empty page", async () => {
    server.answer(pages((page) => ({ count: 1, results: page === 1 ? customers(1) : [], next: `page=${page + 1}` })));
    const { items, error } = await iterate(piriod().customers.list());
    expect([items.length, error]).toEqual([1, undefined]);
    expect(server.received).toHaveLength(2);
  });

  it("refuses a next link that names the page it is on", async () => {
    server.answer(pages(() => ({ count: 1, results: customers(1), next: "page=1" })));
    const { items, error } = await iterate(piriod().customers.list());
    expect(items).toHaveLength(1);
    expect((error as Error).message).toMatch(
      /^customers\.list: the next link .* names page 1, which does not come after page 1/,
    );
    expect(server.received).toHaveLength(1);
  });
});

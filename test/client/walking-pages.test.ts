import { describe, expect, it } from "vitest";
import { createPiriodClient, PiriodError } from "../../src/index.js";
import type { PiriodFake } from "../../src/testing/index.ts";
import { API_KEY, jsonResponse, recordingFetch, WORKSPACE } from "../helpers/client-fixtures.ts";
import { defined } from "../helpers/defined.ts";
import { fakeAndClient } from "../helpers/fake-client.ts";

// Walking a list from a page the caller holds: the rest of its items, its pages, the page before it, the first N items.

/** Seeds customers named C01…Cnn, in that order. */
function seedCustomers(fake: PiriodFake, count: number) {
  fake.seed({
    customers: Array.from({ length: count }, (_, index) =>
      fake.build.customers({ name: `C${String(index + 1).padStart(2, "0")}` }),
    ),
  });
}

const names = (items: { name: string }[]) => items.map((item) => item.name);
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => `C${String(from + index).padStart(2, "0")}`);

function walk(count = 45) {
  const { fake, piriod } = fakeAndClient();
  seedCustomers(fake, count);
  const pagesAsked = () => fake.requests.map((request) => request.query.page ?? "1");
  return { fake, piriod, pagesAsked };
}

describe("a resolved page", () => {
  it("is async-iterable over its items and every page after it", async () => {
    const { piriod } = walk();
    const second = await (await piriod.customers.list({ page_size: 20 })).getNextPage();
    const rest = [];
    for await (const customer of second) rest.push(customer);
    expect(names(rest)).toEqual(range(21, 45));
  });

  it("gives its pages one at a time with iterPages(), as does the list's promise", async () => {
    const { piriod, pagesAsked } = walk();
    const sizes = [];
    for await (const page of (await piriod.customers.list({ page_size: 20 })).iterPages())
      sizes.push(page.items.length);
    expect(sizes).toEqual([20, 20, 5]);
    const fromPromise = [];
    for await (const page of piriod.customers.list({ page_size: 20 }).iterPages()) fromPromise.push(names(page.items));
    expect(fromPromise).toEqual([range(1, 20), range(21, 40), range(41, 45)]);
    expect(pagesAsked()).toEqual(["1", "2", "3", "1", "2", "3"]);
  });

  it("asks for no page after the one where the caller stops iterPages()", async () => {
    const { piriod, pagesAsked } = walk();
    for await (const page of piriod.customers.list({ page_size: 20 }).iterPages()) if (page.items.length > 0) break;
    expect(pagesAsked()).toEqual(["1"]);
  });

  it("walks back with hasPreviousPage()/getPreviousPage(), reading page 1's link, which has no page, as page 1", async () => {
    const { fake, piriod } = walk();
    const third = await piriod.customers.list({ page_size: 20, page: 3 });
    expect(third.hasPreviousPage()).toBe(true);
    const second = await third.getPreviousPage();
    expect(names(second.items)).toEqual(range(21, 40));
    const first = await second.getPreviousPage();
    expect(names(first.items)).toEqual(range(1, 20));
    expect(first.hasPreviousPage()).toBe(false);
    await expect(first.getPreviousPage()).rejects.toThrow(/^getPreviousPage: this is the first page/);
    expect(fake.requests.map((request) => request.query)).toEqual([
      { page_size: "20", page: "3" },
      { page_size: "20", page: "2" },
      { page_size: "20", page: "1" },
    ]);
  });

  it("collects at most N items into an array, asking for no page beyond them", async () => {
    const { piriod, pagesAsked } = walk();
    expect(names(await piriod.customers.list({ page_size: 20 }).collect(25))).toEqual(range(1, 25));
    expect(pagesAsked()).toEqual(["1", "2"]);
    expect(names(await (await piriod.customers.list({ page_size: 20 })).collect(20))).toEqual(range(1, 20));
    expect(pagesAsked()).toEqual(["1", "2", "1"]);
    expect(await piriod.customers.list({ page_size: 20 }).collect(1_000)).toHaveLength(45);
  });

  it.each([0, -1, 1.5, Number.NaN, "10"])("refuses to collect a limit of %s, naming the list", async (limit) => {
    const { piriod } = walk(3);
    const page = await piriod.customers.list();
    await expect(page.collect(limit as number)).rejects.toThrow(PiriodError);
    await expect(page.collect(limit as number)).rejects.toThrow(
      /^customers\.list: collect's limit must be a whole number, 1 or more$/,
    );
  });
});

describe("a previous link", () => {
  const page = (previous: string | null) =>
    jsonResponse(200, { count: 60, next: null, previous, results: [{ id: "cus_1" }] });
  const client = (fetch: ReturnType<typeof recordingFetch>) =>
    createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, fetch, maxRetries: 0 });

  it("is asked of the client's own base URL, with the call's query and the link's page number", async () => {
    const fetch = recordingFetch(page("https://elsewhere.example/customers/?page=2&email=x"), page(null));
    const third = await client(fetch).customers.list({ page: 3, country: "CL" });
    await third.getPreviousPage();
    expect(fetch.requests.map(({ request }) => request.url)).toEqual([
      "https://api.piriod.com/customers/?page=3&country=CL",
      "https://api.piriod.com/customers/?page=2&country=CL",
    ]);
  });

  it.each([
    ["the same page", "https://api.piriod.com/customers/?page=3", /names page 3, which does not come before page 3/],
    ["a later page", "https://api.piriod.com/customers/?page=9", /names page 9, which does not come before page 3/],
    ["no page number", "https://api.piriod.com/customers/?page=two", /names no page the client can read/],
  ])("naming %s ends the walk with a PiriodError, nothing sent", async (_case, link, message) => {
    const fetch = recordingFetch(page(link));
    const third = await client(fetch).customers.list({ page: 3 });
    await expect(third.getPreviousPage()).rejects.toThrow(message);
    expect(fetch.requests).toHaveLength(1);
  });

  it("to page 1 without a page number is page 1, and from page 1 goes nowhere", async () => {
    const fetch = recordingFetch(page("https://api.piriod.com/customers/"));
    const second = await client(fetch).customers.list({ page: 2 });
    await second.getPreviousPage();
    expect(new URL(defined(fetch.requests[1], "the second request").request.url).searchParams.get("page")).toBe("1");
    const first = await client(fetch).customers.list();
    await expect(first.getPreviousPage()).rejects.toThrow(/names page 1, which does not come before page 1/);
  });
});

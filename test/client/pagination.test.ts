import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PiriodValidationError } from "../../src/errors.js";
import type { LoadValidator, Operation } from "../../src/operation.js";
import type { Page } from "../../src/promises.js";
import { defined } from "../helpers/defined.ts";
import { type FaultServer, pagedList, startFaultServer } from "../helpers/http-fault-server.ts";
import { operationMethod } from "../helpers/operation-context.ts";

// Lists: any operation whose response is Piriod's Paginated envelope resolves to its first page and
// iterates every item of every page, asking each next page of the client's own base URL.
const accept: LoadValidator = async () => (data) => ({ ok: true, value: data });
const LIST: Operation = {
  method: "GET",
  path: "/widgets/",
  pathParams: [],
  query: ["page", "page_size", "ordering", "country", "country__in", "active", "created__gte", "metadata__*"],
  status: 200,
  response: accept,
  paginated: true,
};

let server: FaultServer;
beforeAll(async () => (server = await startFaultServer()));
afterAll(() => server.close());
beforeEach(() => {
  server.received.length = 0;
});

const pages = (total: number, size: number) => pagedList(total, size, (number) => ({ id: `wid_${number}` }));

describe.each(["node", "fetch"] as const)("a list through the %s transport", (transport) => {
  const list = () => operationMethod(LIST, { baseUrl: server.url, transport });

  it("resolves to its first page: items, count, and whether a next page exists", async () => {
    server.answer(pages(5, 2));
    const page = (await list()({ page_size: 2 })) as Page<{ id: string }>;
    expect(page.items.map((item) => item.id)).toEqual(["wid_1", "wid_2"]);
    expect(page.count).toBe(5);
    expect(page.hasNextPage()).toBe(true);
    const next = await page.getNextPage();
    expect(next.items.map((item) => item.id)).toEqual(["wid_3", "wid_4"]);
  });

  it("iterates every item of every page with for await, asking each next page of its own base URL with the caller's query", async () => {
    server.answer(pages(5, 2));
    const ids: string[] = [];
    for await (const item of list()({ page_size: 2, country: "CL" }) as AsyncIterable<{ id: string }>)
      ids.push(item.id);
    expect(ids).toEqual(["wid_1", "wid_2", "wid_3", "wid_4", "wid_5"]);
    expect(server.received.map((request) => request.url)).toEqual([
      "/widgets/?page_size=2&country=CL",
      "/widgets/?page_size=2&country=CL&page=2",
      "/widgets/?page_size=2&country=CL&page=3",
    ]);
  });

  it("stops at the last page, and has no next page to get there", async () => {
    server.answer(pages(1, 20));
    const page = (await list()()) as Page<unknown>;
    expect(page.hasNextPage()).toBe(false);
    await expect(page.getNextPage()).rejects.toThrow(/this is the last page/);
    expect(server.received).toHaveLength(1);
  });

  it("sends query values as Piriod reads them: dates as ISO 8601, lists joined by commas, booleans, metadata keys", async () => {
    server.answer(pages(0, 20));
    await list()({
      created__gte: new Date("2026-01-01T00:00:00Z"),
      country__in: ["CL", "MX"],
      active: true,
      metadata__order_id: "12 345",
      ordering: "-created",
    });
    expect(defined(server.received[0], "the request sent").url).toBe(
      "/widgets/?created__gte=2026-01-01T00%3A00%3A00.000Z&country__in=CL,MX&active=true&metadata__order_id=12%20345&ordering=-created",
    );
  });

  it("refuses a query parameter the operation does not declare, sending nothing", async () => {
    const error = await list()({ contry: "CL" }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PiriodValidationError);
    expect((error as Error).message).toMatch(/unknown query parameter "contry"; the parameters are page, page_size/);
    expect(server.received).toEqual([]);
  });
});

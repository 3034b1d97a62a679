import { beforeEach, describe, expect, it } from "vitest";
import * as fetchEntry from "../../src/index.js";
import * as nodeEntry from "../../src/node.js";
import { API_KEY, WORKSPACE } from "../helpers/client-fixtures.ts";
import { expectNoUnhandledRejections } from "../helpers/client-unhandled.ts";
import { defined } from "../helpers/defined.ts";
import { faultServerOfFile } from "../helpers/fault-server-of-file.ts";
import { pagedList } from "../helpers/http-fault-server.ts";
import { operationMethod, widgetList } from "../helpers/operation-context.ts";

// No filter widens a list: a value Piriod would read as no filter at all, or the client would send
// as some text the caller never meant, is refused before anything is sent, naming the parameter,
// in the resource methods and in raw, against a real local server through both entries.
expectNoUnhandledRejections();

const server = faultServerOfFile();
beforeEach(() => {
  server.answer(pagedList(0, 20, () => ({})));
});

/** A class whose instances carry their filters as getters, which a spread or Object.entries does not see. */
class Filters {
  get country() {
    return "CL";
  }
}

const REFUSED: [string, unknown, string][] = [
  [
    "an empty string",
    "",
    'query parameter "email" is blank, which Piriod reads as no filter at all: leave it out instead',
  ],
  [
    "a blank string",
    "   ",
    'query parameter "email" is blank, which Piriod reads as no filter at all: leave it out instead',
  ],
  ["null", null, 'query parameter "email" is null: leave it out (undefined) to send no filter'],
  ["NaN", Number.NaN, 'query parameter "email" must be a finite number, got NaN'],
  ["Infinity", Number.POSITIVE_INFINITY, 'query parameter "email" must be a finite number, got Infinity'],
  [
    "an object",
    { address: "x" },
    'query parameter "email" must be a string, a finite number, true or false, or a Date, not an object',
  ],
  [
    "a function",
    () => "x",
    'query parameter "email" must be a string, a finite number, true or false, or a Date, not a function',
  ],
  [
    "a symbol",
    Symbol("x"),
    'query parameter "email" must be a string, a finite number, true or false, or a Date, not a symbol',
  ],
  [
    "a bigint",
    10n,
    'query parameter "email" must be a string, a finite number, true or false, or a Date, not a bigint',
  ],
  ["an array", ["a@b.cl", "c@d.cl"], 'query parameter "email" takes one value, not a list'],
  ["an invalid Date", new Date("not a date"), 'query parameter "email" is an invalid Date'],
];

describe.each([
  ["the node entry", nodeEntry],
  ["the fetch entry", fetchEntry],
] as const)("%s", (_entry, { createPiriodClient, PiriodValidationError }) => {
  const piriod = () =>
    createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl: server.url, maxRetries: 0 });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.fail("the call was sent"),
      (reason: unknown) => reason as InstanceType<typeof PiriodValidationError>,
    );

  it.each(REFUSED)("refuses %s as a filter, naming it, and sends nothing", async (_case, value, message) => {
    const error = await refusal(piriod().customers.list({ email: value } as never));
    expect(error).toBeInstanceOf(PiriodValidationError);
    expect(error.message).toBe(`customers.list: the call is refused, nothing was sent: ${message}`);
    expect(error.errors).toEqual([{ path: "/email", keyword: "query", message }]);
    expect(server.received).toEqual([]);
  });

  it.each(REFUSED)("refuses %s in raw's query too", async (_case, value, message) => {
    const error = await refusal(piriod().raw.GET("/customers/", { params: { query: { email: value } as never } }));
    expect(error).toBeInstanceOf(PiriodValidationError);
    expect(error.message).toBe(`GET /customers/: the call is refused, nothing was sent: ${message}`);
    expect(server.received).toEqual([]);
  });

  it.each([
    ["URLSearchParams", new URLSearchParams({ country: "CL" }), "URLSearchParams"],
    ["a Map", new Map([["country", "CL"]]), "Map"],
    ["a class instance", new Filters(), "Filters"],
    ["an array", [["country", "CL"]], "Array"],
  ])("refuses a query given as %s, which would drop every filter", async (_case, query, kind) => {
    const message = `the query must be a plain object of parameters, not ${kind === "Array" ? "an" : "a"} ${kind}`;
    const listed = await refusal(piriod().customers.list(query as never));
    expect(listed.message).toBe(`customers.list: the call is refused, nothing was sent: ${message}`);
    const raw = await refusal(piriod().raw.GET("/customers/", { params: { query: query as never } }));
    expect(raw.message).toBe(`GET /customers/: the call is refused, nothing was sent: ${message}`);
    expect(server.received).toEqual([]);
  });

  it("sends what is a filter: text, numbers, booleans, Dates, a query made with no prototype, and leaves undefined out", async () => {
    const query = Object.assign(Object.create(null), {
      country: " CL",
      page_size: 0,
      created__gte: new Date("2026-01-01T00:00:00Z"),
      email: undefined,
      metadata__vip: "true",
    });
    await piriod().customers.list(query);
    await piriod().contacts.list({ invoicing: false, page: 2 });
    await piriod().raw.GET("/customers/", { params: { query: { name: "Andes", page_size: 5 } } });
    expect(server.received.map((request) => request.url)).toEqual([
      "/customers/?country=%20CL&page_size=0&created__gte=2026-01-01T00%3A00%3A00.000Z&metadata__vip=true",
      "/contacts/?invoicing=false&page=2",
      "/customers/?name=Andes&page_size=5",
    ]);
  });
});

describe.each(["node", "fetch"] as const)(
  "a parameter whose schema is an array, through the %s transport",
  (transport) => {
    const list = () =>
      operationMethod(widgetList(["country__in", "country"], ["country__in"]), { baseUrl: server.url, transport });

    it("is sent as its items joined by commas, each checked as one value", async () => {
      await list()({ country__in: ["CL", "MX"], country: "AR" });
      expect(defined(server.received[0], "the request sent").url).toBe("/widgets/?country__in=CL,MX&country=AR");
      await expect(list()({ country__in: ["CL", ""] })).rejects.toThrow(
        'query parameter "country__in" is blank, which Piriod reads as no filter at all: leave it out instead',
      );
      await expect(list()({ country__in: [] })).rejects.toThrow(
        'query parameter "country__in" is an empty list, which Piriod reads as no filter at all: leave it out instead',
      );
      expect(server.received).toHaveLength(1);
    });
  },
);

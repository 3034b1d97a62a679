import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Contact, Customer } from "../../generated/schema.js";
import * as fetchEntry from "../../src/index.js";
import * as nodeEntry from "../../src/node.js";
import { API_KEY, customer, WORKSPACE } from "../helpers/client-fixtures.ts";
import { defined } from "../helpers/defined.ts";
import { type FaultServer, json, pagedList, reply, startFaultServer } from "../helpers/http-fault-server.ts";
import { bundledSpec } from "../helpers/spec-examples.ts";

// The whole customers resource and contacts, through the methods the spec declares, against a real
// local server: the requests they send, exactly, and what they resolve to.
/** The spec's example of a retrieved contact. */
const contactExample: Contact = defined(
  Object.values(
    bundledSpec.paths["/contacts/{id}/"].get.responses["200"].content["application/json"].examples as Record<
      string,
      { value: Contact }
    >,
  )[0],
  "the spec's example of a contact",
).value;
const contactId = defined(contactExample.id, "the example contact's id");
const writeBody = { name: "Andes SpA", address: "Av. Providencia 1234", country: "CL", state: 13 };

let server: FaultServer;
beforeAll(async () => (server = await startFaultServer()));
afterAll(() => server.close());
beforeEach(() => {
  server.received.length = 0;
});

const customerPages = (total: number, size: number) =>
  pagedList(total, size, (number): Customer => ({ ...customer, id: `cus_${number}` }));

describe.each([
  ["the node entry", nodeEntry],
  ["the fetch entry", fetchEntry],
] as const)("%s", (_entry, { createPiriodClient, PiriodValidationError, toContactUpdate }) => {
  const client = () =>
    createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl: server.url, maxRetries: 0 });

  describe("customers.list", () => {
    it("sends its filters as Piriod reads them: a Date as ISO 8601, metadata keys as given", async () => {
      server.answer(customerPages(0, 20));
      await client().customers.list({
        country: "CL",
        created__gte: new Date("2026-01-01T00:00:00Z"),
        created__lte: "2026-01-31T23:59:59Z",
        metadata__segment: "wholesale",
        page_size: 50,
      });
      expect(server.received[0]).toMatchObject({
        method: "GET",
        url: "/customers/?country=CL&created__gte=2026-01-01T00%3A00%3A00.000Z&created__lte=2026-01-31T23%3A59%3A59Z&metadata__segment=wholesale&page_size=50",
      });
    });

    it("iterates every customer of every page, asking each page of its own base URL, never of the next link's host", async () => {
      server.answer(customerPages(45, 20));
      const ids: string[] = [];
      for await (const found of client().customers.list({ country: "CL" }))
        ids.push(defined(found.id, "a customer's id"));
      expect(ids).toEqual(Array.from({ length: 45 }, (_, index) => `cus_${index + 1}`));
      expect(server.received.map((request) => request.url)).toEqual([
        "/customers/?country=CL",
        "/customers/?country=CL&page=2",
        "/customers/?country=CL&page=3",
      ]);
      expect(new Set(server.received.map((request) => request.headers.authorization))).toEqual(
        new Set([`Token ${API_KEY}`]),
      );
    });

    it("resolves to the first page, which knows the count and whether there is a next", async () => {
      server.answer(customerPages(45, 20));
      const page = await client().customers.list();
      expect([page.items.length, page.count, page.hasNextPage()]).toEqual([20, 45, true]);
      expect(defined((await page.getNextPage()).items[0], "the next page's first customer").id).toBe("cus_21");
    });

    it("refuses a filter the spec does not declare, sending nothing", async () => {
      const error = await client()
        .customers.list({ contry: "CL" } as never)
        .catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(PiriodValidationError);
      expect((error as Error).message).toMatch(/^customers\.list: .*unknown query parameter "contry"/);
      expect(server.received).toEqual([]);
    });

    it("shares its serializer with raw", async () => {
      server.answer(customerPages(0, 20));
      await client().raw.GET("/customers/", { params: { query: { created__gte: "2026-01-01T00:00:00Z", page: 2 } } });
      expect(defined(server.received[0], "the request sent").url).toBe(
        "/customers/?created__gte=2026-01-01T00%3A00%3A00Z&page=2",
      );
    });
  });

  it("customers.create sends a POST of the body and resolves to the Customer Piriod made (201)", async () => {
    server.answer(json(201, customer));
    await expect(client().customers.create(writeBody)).resolves.toEqual(customer);
    expect(server.received[0]).toMatchObject({ method: "POST", url: "/customers/", body: JSON.stringify(writeBody) });
  });

  it("customers.delete sends a DELETE and resolves to undefined on 204", async () => {
    server.answer(reply(204, ""));
    const piriod = client();
    await expect(piriod.customers.delete("cus_1")).resolves.toBeUndefined();
    const { data, response } = await piriod.customers.delete("cus_1").withResponse();
    expect([data, response.status]).toEqual([undefined, 204]);
    expect(server.received.map(({ method, url }) => [method, url])).toEqual(
      Array(2).fill(["DELETE", "/customers/cus_1/"]),
    );
  });

  describe("contacts", () => {
    it("lists with booleans as true and false", async () => {
      server.answer(json(200, { count: 0, next: null, previous: null, results: [] }));
      await client().contacts.list({ customer: "cus_1", invoicing: true, collections: false });
      expect(defined(server.received[0], "the request sent").url).toBe(
        "/contacts/?customer=cus_1&invoicing=true&collections=false",
      );
    });

    it("retrieves, and updates with toContactUpdate of what it retrieved", async () => {
      server.answer(json(200, contactExample));
      const piriod = client();
      const found = await piriod.contacts.retrieve(contactId);
      await piriod.contacts.update(defined(found.id, "the retrieved contact's id"), {
        ...toContactUpdate(found),
        phone: "+56911112222",
      });
      const sent = JSON.parse(defined(server.received[1], "the PATCH sent").body) as Record<string, unknown>;
      expect(server.received.map(({ method, url }) => [method, url])).toEqual([
        ["GET", `/contacts/${contactExample.id}/`],
        ["PATCH", `/contacts/${contactExample.id}/`],
      ]);
      expect(sent).toMatchObject({ name: contactExample.name, email: contactExample.email, phone: "+56911112222" });
      expect(sent).not.toHaveProperty("id");
      expect(sent).not.toHaveProperty("created");
    });

    it("creates (201) and deletes (204)", async () => {
      server.answer(json(201, contactExample), reply(204, ""));
      const piriod = client();
      await expect(
        piriod.contacts.create({ name: "Ignacio Fuentes", email: "ignacio.fuentes@andes.cl" }),
      ).resolves.toEqual(contactExample);
      await expect(piriod.contacts.delete(contactId)).resolves.toBeUndefined();
      expect(server.received.map(({ method }) => method)).toEqual(["POST", "DELETE"]);
    });
  });
});

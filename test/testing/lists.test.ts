import { describe, expect, it } from "vitest";
import type { PiriodFake } from "../../src/testing/index.ts";
import { defined } from "../helpers/defined.ts";
import { customerBody, fakeAndClient, send } from "../helpers/fake-client.ts";

/** Seeds customers named C01…Cnn, created a day apart from 2026-01-01, alternately in CL and PE. */
function seedCustomers(fake: PiriodFake, count: number) {
  return fake.seed({
    customers: Array.from({ length: count }, (_, index) =>
      fake.build.customers({
        name: `C${String(index + 1).padStart(2, "0")}`,
        country: index % 2 === 0 ? "CL" : "PE",
        created: new Date(Date.UTC(2026, 0, 1 + index)).toISOString(),
        metadata: { segment: index < 3 ? "wholesale" : "retail" },
      }),
    ),
  }).customers;
}

async function page(fake: PiriodFake, query: string) {
  const response = await send(fake, `/customers/${query}`);
  return { status: response.status, body: await response.json() };
}

describe("the fake's lists", () => {
  it("page with page and page_size, with next and previous on the request's own base URL", async () => {
    const { fake } = fakeAndClient();
    seedCustomers(fake, 45);
    const first = await page(fake, "?page_size=20&country=");
    expect(first.body).toMatchObject({
      count: 45,
      next: "https://api.piriod.com/customers/?page_size=20&country=&page=2",
      previous: null,
    });
    expect(first.body.results).toHaveLength(20);
    const third = await page(fake, "?page=3&page_size=20");
    expect(third.body).toMatchObject({
      count: 45,
      next: null,
      previous: "https://api.piriod.com/customers/?page=2&page_size=20",
    });
    const second = await page(fake, "?page=2&page_size=20&country=");
    // As Django REST Framework writes it: page 1's link has no `page`.
    expect(second.body.previous).toBe("https://api.piriod.com/customers/?page_size=20&country=");
    expect(third.body.results.map((customer: { name: string }) => customer.name)).toEqual([
      "C41",
      "C42",
      "C43",
      "C44",
      "C45",
    ]);
  });

  it("takes page_size 20 by default, caps it at 100, and falls back to the default for nonsense", async () => {
    const { fake } = fakeAndClient();
    seedCustomers(fake, 120);
    expect((await page(fake, "")).body.results).toHaveLength(20);
    expect((await page(fake, "?page_size=500")).body.results).toHaveLength(100);
    expect((await page(fake, "?page_size=zero")).body.results).toHaveLength(20);
  });

  it("answers a page beyond the last, or no page number, 404 Invalid page.; an empty list has its page 1; last is the last", async () => {
    const { fake } = fakeAndClient();
    expect(await page(fake, "")).toEqual({ status: 200, body: { count: 0, next: null, previous: null, results: [] } });
    seedCustomers(fake, 3);
    for (const query of ["?page=2", "?page=0", "?page=", "?page=first"])
      expect(await page(fake, query)).toEqual({ status: 404, body: { detail: "Invalid page." } });
    // DRF's own word for the last page.
    expect(
      (await page(fake, "?page=last&page_size=2")).body.results.map((customer: { name: string }) => customer.name),
    ).toEqual(["C03"]);
  });

  it("is iterated by the client across every page, on the client's own base URL", async () => {
    const { fake, piriod } = fakeAndClient({}, { baseUrl: "https://gateway.example.test" });
    seedCustomers(fake, 45);
    const names: string[] = [];
    for await (const customer of piriod.customers.list({ page_size: 20 })) names.push(customer.name);
    expect(names).toHaveLength(45);
    expect(fake.requests.map((request) => request.query.page ?? "1")).toEqual(["1", "2", "3"]);
  });

  it("applies the filters the spec declares, with their lookups and the client's serialisation", async () => {
    const { fake, piriod } = fakeAndClient();
    seedCustomers(fake, 10);
    const names = async (query: Parameters<typeof piriod.customers.list>[0]) =>
      (await piriod.customers.list(query)).items.map((customer) => customer.name);
    expect(await names({ country: "PE" })).toEqual(["C02", "C04", "C06", "C08", "C10"]);
    expect(
      await names({ created__gte: new Date("2026-01-04T00:00:00Z"), created__lte: "2026-01-06T00:00:00Z" }),
    ).toEqual(["C04", "C05", "C06"]);
    expect(await names({ created: "2026-01-02T00:00:00Z" })).toEqual(["C02"]);
    expect(await names({ metadata__segment: "wholesale", country: "CL" })).toEqual(["C01", "C03"]);
    expect(await names({ name: "C07" })).toEqual(["C07"]);
    expect(await names({ email: "nobody@andes.cl" })).toEqual([]);
  });

  it("filters contacts by booleans and ids, and ignores a boolean it cannot read, as django-filter does", async () => {
    const { fake, piriod } = fakeAndClient();
    fake.seed({
      contacts: [
        fake.build.contacts({ name: "A", invoicing: false, customer: "cus_1" }),
        fake.build.contacts({ name: "B", invoicing: true, customer: "cus_2" }),
      ],
    });
    expect((await piriod.contacts.list({ invoicing: false })).items.map((contact) => contact.name)).toEqual(["A"]);
    expect((await piriod.contacts.list({ customer: "cus_2" })).items.map((contact) => contact.name)).toEqual(["B"]);
    const response = await send(fake, "/contacts/?invoicing=maybe");
    expect((await response.json()).count).toBe(2);
  });

  it("refuses a filter value it cannot read with 400 naming the parameter", async () => {
    const { fake } = fakeAndClient();
    expect(await page(fake, "?created__gte=yesterday")).toEqual({
      status: 400,
      body: { created__gte: ["Enter a valid date/time."] },
    });
  });

  it("sorts by ordering, descending with -, on several fields, ignoring fields it does not know", async () => {
    const { fake } = fakeAndClient();
    seedCustomers(fake, 6);
    const names = async (query: string) =>
      (await page(fake, query)).body.results.map((customer: { name: string }) => customer.name);
    expect(await names("?ordering=-created")).toEqual(["C06", "C05", "C04", "C03", "C02", "C01"]);
    expect(await names("?ordering=country,-name")).toEqual(["C05", "C03", "C01", "C06", "C04", "C02"]);
    expect(await names("?ordering=shoe_size")).toEqual(["C01", "C02", "C03", "C04", "C05", "C06"]);
  });

  it("lists what creates, updates and deletes leave", async () => {
    const { piriod } = fakeAndClient();
    const kept = await piriod.customers.create(customerBody({ name: "Kept" }));
    const gone = await piriod.customers.create(customerBody({ name: "Gone" }));
    await piriod.customers.update(defined(kept.id, "the kept customer's id"), customerBody({ name: "Kept, renamed" }));
    await piriod.customers.delete(defined(gone.id, "the deleted customer's id"));
    expect((await piriod.customers.list()).items.map((customer) => customer.name)).toEqual(["Kept, renamed"]);
  });
});

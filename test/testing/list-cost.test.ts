import { afterEach, describe, expect, it, vi } from "vitest";
import type { PiriodFake } from "../../src/testing/index.ts";
import { defined } from "../helpers/defined.ts";
import { customerBody, fakeAndClient, send } from "../helpers/fake-client.ts";

// What a list costs the fake: reading every page of N customers filters and sorts them once, and
// no `ordering` makes a sort slower than its distinct fields do.
const CUSTOMERS = 1_000;

function seedCustomers(fake: PiriodFake, count = CUSTOMERS) {
  fake.seed({
    customers: Array.from({ length: count }, (_, index) =>
      fake.build.customers({
        name: "Comercializadora Andes SpA",
        country: index % 2 === 0 ? "CL" : "PE",
        created: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
      }),
    ),
  });
}

/** Counts the sorts of arrays of at least `least` items while `run` runs. */
async function sortsOf(least: number, run: () => Promise<void>): Promise<number> {
  const sort = vi.spyOn(Array.prototype, "sort");
  try {
    await run();
    return sort.mock.contexts.filter((array) => (array as unknown[]).length >= least).length;
  } finally {
    sort.mockRestore();
  }
}

describe("the cost of the fake's lists", () => {
  afterEach(() => vi.restoreAllMocks());

  it("sorts a filtered list once for every page the client reads, and again only after a write", async () => {
    const { fake, piriod } = fakeAndClient();
    seedCustomers(fake);
    const read = async () => {
      let count = 0;
      for await (const customer of piriod.customers.list({ country: "CL", ordering: "-created", page_size: 10 })) {
        expect(customer.country.id).toBe("CL");
        count++;
      }
      return count;
    };
    let count = 0;
    expect(
      await sortsOf(CUSTOMERS / 2, async () => {
        count = await read();
      }),
    ).toBe(1);
    expect(count).toBe(CUSTOMERS / 2);
    expect(fake.requests).toHaveLength(CUSTOMERS / 2 / 10);
    // Read again before any write, every page comes from the list kept: no time is read again, nothing is sorted.
    const parse = vi.spyOn(Date, "parse");
    await read();
    expect(parse.mock.calls.length).toBe(0);

    await piriod.customers.create(customerBody());
    expect(
      await sortsOf(CUSTOMERS / 2, async () => {
        count = await read();
      }),
    ).toBe(1);
    expect(count).toBe(CUSTOMERS / 2 + 1);
  });

  it("serves the newest of every query and page after each kind of write", async () => {
    const { fake, piriod } = fakeAndClient();
    const names = async () => (await piriod.customers.list({ ordering: "name" })).items.map(({ name }) => name);
    const a = await piriod.customers.create(customerBody({ name: "B" }));
    expect(await names()).toEqual(["B"]);
    await piriod.customers.create(customerBody({ name: "A" }));
    expect(await names()).toEqual(["A", "B"]);
    await piriod.customers.update(defined(a.id, "the customer's id"), customerBody({ name: "C" }));
    expect(await names()).toEqual(["A", "C"]);
    await piriod.customers.delete(defined(a.id, "the customer's id"));
    expect(await names()).toEqual(["A"]);
    fake.seed({ customers: [fake.build.customers({ name: "0" })] });
    expect(await names()).toEqual(["0", "A"]);
    fake.reset();
    expect(await names()).toEqual([]);
  });

  it("sorts by each field at its first mention: a repeated field changes nothing", async () => {
    const { fake } = fakeAndClient();
    seedCustomers(fake);
    const ids = async (ordering: string) =>
      (
        (await (await send(fake, `/customers/?page_size=100&ordering=${ordering}`)).json()) as {
          results: { id: string }[];
        }
      ).results.map(({ id }) => id);
    expect(await ids(`name,${"-created,".repeat(50)}created`)).toEqual(await ids("name,-created"));
  });

  it("reads each customer's time once for a 15 kB ordering that names created again and again", async () => {
    const { fake } = fakeAndClient();
    const count = 200;
    const created = "2026-01-01T00:00:00.000Z";
    fake.seed({ customers: Array.from({ length: count }, () => fake.build.customers({ created })) });
    // Every customer has the same time: a sort that held each mention as a key compared each pair on all 2,500.
    const ordering = Array(2_500).fill("created").join(",");
    const parse = vi.spyOn(Date, "parse");
    const response = await send(fake, `/customers/?page_size=1&ordering=${ordering}`);
    expect(response.status).toBe(200);
    expect(parse.mock.calls.length).toBeLessThanOrEqual(count);
  });
});

import { describe, expect, it } from "vitest";
import { createPiriodFake, type PiriodFakeOptions } from "../../src/testing/index.ts";
import { defined } from "../helpers/defined.ts";
import { customerBody, send } from "../helpers/fake-client.ts";

// The rules Piriod documents for customers and contacts, which the spec declares as x-piriod-*
// extensions and the fake applies, each answered as Django REST Framework answers.
const COUNTRIES = [
  { id: "CL", name: "Chile", code: "+56", has_regulation: true, currencies: ["CLP"] },
  { id: "MX", name: "México", code: "+52", has_regulation: true, currencies: ["MXN"] },
  { id: "US", name: "United States", code: "+1", has_regulation: false, currencies: ["USD"] },
];
const STATES = [
  { id: 13, name: "Región Metropolitana de Santiago", country: "CL" },
  { id: 14, name: "Jalisco", country: "MX" },
  { id: 5, name: "California", country: "US" },
];
const CATALOGUE = { countries: COUNTRIES, states: STATES };

async function created(options: PiriodFakeOptions, body: unknown) {
  const response = await send(createPiriodFake(options), "/customers/", { method: "POST", body });
  return { status: response.status, body: await response.json() };
}

describe("a catalogue of countries and states, when the test gives one", () => {
  it("refuses an unknown country or state as DRF refuses an unknown primary key", async () => {
    expect(await created(CATALOGUE, customerBody({ country: "ZZ", state: 99 }))).toEqual({
      status: 400,
      body: {
        country: ['Invalid pk "ZZ" - object does not exist.'],
        state: ['Invalid pk "99" - object does not exist.'],
      },
    });
  });

  it("refuses a state of another country, under the state", async () => {
    expect(await created(CATALOGUE, customerBody({ country: "MX", state: 13 }))).toEqual({
      status: 400,
      body: { state: ['Invalid pk "13" - object does not belong to country "MX".'] },
    });
  });

  it("answers with the catalogue's own objects", async () => {
    const { status, body } = await created(CATALOGUE, customerBody({ country: "MX", state: 14 }));
    expect(status).toBe(201);
    expect(body).toMatchObject({ country: COUNTRIES[1], state: STATES[1] });
  });

  it("without one, takes any id and echoes it as { id }, as before", async () => {
    const { status, body } = await created({}, customerBody({ country: "ZZ", state: 99 }));
    expect([status, body.country, body.state]).toEqual([201, { id: "ZZ" }, { id: 99 }]);
  });

  it("is refused when it is no list of objects with ids, naming the option", () => {
    expect(() => createPiriodFake({ countries: [{ name: "Chile" }] as never })).toThrow(
      "createPiriodFake: countries must be a list of objects, each with its id",
    );
  });
});

describe("tax_id, when the customer's country has tax regulation and is the account's own", () => {
  const options = { ...CATALOGUE, accountCountry: "CL" };

  it("is required", async () => {
    expect(await created(options, customerBody())).toEqual({
      status: 400,
      body: { tax_id: ["This field is required."] },
    });
    expect(await created(options, customerBody({ tax_id: "   " }))).toMatchObject({ status: 400 });
    expect((await created(options, customerBody({ tax_id: "76.086.428-5" }))).status).toBe(201);
  });

  it("is not, for a regulated country other than the account's, one without regulation, or no accountCountry", async () => {
    expect((await created(options, customerBody({ country: "MX", state: 14 }))).status).toBe(201);
    expect((await created(options, customerBody({ country: "US", state: 5 }))).status).toBe(201);
    expect((await created(CATALOGUE, customerBody())).status).toBe(201);
  });
});

describe("blank required text", () => {
  it("is refused with DRF's words, whitespace alone included", async () => {
    expect(await created({}, customerBody({ name: "", address: "   " }))).toEqual({
      status: 400,
      body: { name: ["This field may not be blank."], address: ["This field may not be blank."] },
    });
    const fake = createPiriodFake();
    const contact = await send(fake, "/contacts/", { method: "POST", body: { name: " ", email: "" } });
    expect(await contact.json()).toEqual({
      name: ["This field may not be blank."],
      email: ["This field may not be blank."],
    });
  });

  it("is refused on an update too; an optional text may be blank", async () => {
    const fake = createPiriodFake();
    const [andes] = fake.seed({ customers: [fake.build.customers()] }).customers;
    const path = `/customers/${defined(andes?.id, "the seeded customer's id")}/`;
    const blank = await send(fake, path, { method: "PATCH", body: customerBody({ name: "" }) });
    expect([blank.status, await blank.json()]).toEqual([400, { name: ["This field may not be blank."] }]);
    const optional = await send(fake, path, { method: "PATCH", body: customerBody({ manager: "" }) });
    expect(optional.status).toBe(200);
  });
});

describe("contacts", () => {
  const contact = (fields: Record<string, unknown>) => ({ name: "Ignacio", email: "ignacio@andes.cl", ...fields });

  it("are at most seven per customer and organisation unit", async () => {
    const fake = createPiriodFake();
    const statuses: number[] = [];
    for (let index = 0; index < 7; index++)
      statuses.push(
        (await send(fake, "/contacts/", { method: "POST", body: contact({ customer: "cus_1", orgunit: "Finanzas" }) }))
          .status,
      );
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 201]);
    const eighth = await send(fake, "/contacts/", {
      method: "POST",
      body: contact({ customer: "cus_1", orgunit: "Finanzas" }),
    });
    expect([eighth.status, await eighth.json()]).toEqual([
      400,
      { non_field_errors: ["There may be at most 7 contacts with the same customer and orgunit."] },
    ]);
    for (const other of [
      { customer: "cus_1", orgunit: "Ventas" },
      { customer: "cus_2", orgunit: "Finanzas" },
      { customer: "cus_1" },
    ])
      expect((await send(fake, "/contacts/", { method: "POST", body: contact(other) })).status).toBe(201);
  });

  it("count no organisation unit as one, and an update that moves a contact into a full unit is refused", async () => {
    const fake = createPiriodFake();
    fake.seed({ contacts: Array.from({ length: 7 }, () => fake.build.contacts({ customer: "cus_1", orgunit: null })) });
    const [other] = fake.seed({ contacts: [fake.build.contacts({ customer: "cus_1", orgunit: "Ventas" })] }).contacts;
    const moved = await send(fake, `/contacts/${defined(other?.id, "the contact's id")}/`, {
      method: "PATCH",
      body: contact({ customer: "cus_1", orgunit: null }),
    });
    expect(moved.status).toBe(400);
    const again = await send(fake, "/contacts/", {
      method: "POST",
      body: contact({ customer: "cus_1", orgunit: null }),
    });
    expect(again.status).toBe(400);
  });
});

describe("deleting a customer, as the test declares its activity through seed", () => {
  function seeded(onDelete?: "archive" | "refuse") {
    const fake = createPiriodFake();
    const [andes] = fake.seed({ customers: [fake.build.customers()] }, onDelete ? { onDelete } : {}).customers;
    return { fake, path: `/customers/${defined(andes?.id, "the seeded customer's id")}/` };
  }

  it("archives one with activity: 204, and it stays retrievable with status archived", async () => {
    const { fake, path } = seeded("archive");
    expect((await send(fake, path, { method: "DELETE" })).status).toBe(204);
    const retrieved = await send(fake, path);
    expect([retrieved.status, (await retrieved.json()).status]).toEqual([200, "archived"]);
  });

  it("refuses one with active subscriptions with 400, and keeps it as it was", async () => {
    const { fake, path } = seeded("refuse");
    const refused = await send(fake, path, { method: "DELETE" });
    expect([refused.status, await refused.json()]).toEqual([
      400,
      { non_field_errors: ["The customer has active subscriptions; cancel them before deleting it."] },
    ]);
    expect((await (await send(fake, path)).json()).status).toBe("active");
  });

  it("deletes any other: 204, then 404", async () => {
    const { fake, path } = seeded();
    expect((await send(fake, path, { method: "DELETE" })).status).toBe(204);
    expect((await send(fake, path)).status).toBe(404);
  });
});

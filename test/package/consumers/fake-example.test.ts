import { createPiriodClient, PiriodBadRequestError, toCustomerUpdate } from "@piriod/api";
import { createPiriodFake } from "@piriod/api/testing";
import { assert, beforeEach, describe, expect, it } from "vitest";

const fake = createPiriodFake({ apiKey: "sk_test_fake", now: () => new Date("2026-03-01T12:00:00Z") });
const piriod = createPiriodClient({ apiKey: "sk_test_fake", workspace: "acc_01H8XYZ123ABC", fetch: fake.fetch });

describe("billing emails", () => {
  beforeEach(() => fake.reset());

  it("moves a customer's invoices to a new email", async () => {
    const { customers } = fake.seed({
      customers: [fake.build.customers({ name: "Andes SpA", email: "facturacion@andes.cl" })],
    });
    const andes = customers[0];
    assert(andes);

    const updated = await piriod.customers.update(andes.id, { ...toCustomerUpdate(andes), email: "pagos@andes.cl" });

    expect(updated).toMatchObject({
      id: andes.id,
      name: "Andes SpA",
      email: "pagos@andes.cl",
      updated: "2026-03-01T12:00:00.000Z",
    });
    expect(fake.requests.map(({ method, path, status }) => `${method} ${path} ${status}`)).toEqual([
      `PATCH /customers/${andes.id}/ 200`,
    ]);
    expect(fake.requests[0]?.body).toMatchObject({ email: "pagos@andes.cl" });
  });

  it("waits out a 429 and tries again", async () => {
    fake.seed({ customers: [fake.build.customers(), fake.build.customers()] });
    fake.failNext("customers.list", { status: 429, headers: { "retry-after": "0" } });

    const page = await piriod.customers.list();

    expect(page.count).toBe(2);
    expect(fake.requests.map(({ status }) => status)).toEqual([429, 200]);
  });

  it("shows Piriod's field errors", async () => {
    // Piriod asks a Chilean customer for its RUT; without accountCountry the fake does not, so the test asks for the 400.
    fake.failNext("customers.create", { status: 400, body: { tax_id: ["This field is required."] } });

    const error = await piriod.customers
      .create({ name: "Andes SpA", address: "Av. Providencia 1234", country: "CL", state: 13 })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(PiriodBadRequestError);
    expect((error as PiriodBadRequestError).fieldErrors).toEqual([
      { path: "/tax_id", message: "This field is required." },
    ]);
  });
});

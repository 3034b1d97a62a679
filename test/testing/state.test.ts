import { describe, expect, it } from "vitest";
import { validateContact, validateCustomer } from "../../generated/validators.js";
import { PiriodNotFoundError, toContactUpdate, toCustomerUpdate } from "../../src/index.ts";
import { defined } from "../helpers/defined.ts";
import { customerBody, fakeAndClient, send } from "../helpers/fake-client.ts";

const NOW = new Date("2026-12-06T12:00:00.000Z");

describe("the fake keeps state as Piriod does", () => {
  it("stores a create with an id in Piriod's style, the schema's defaults, the server's fields and the embedded objects", async () => {
    const { piriod } = fakeAndClient({ now: () => NOW });
    const customer = await piriod.customers.create(
      customerBody({ email: "pagos@andes.cl", metadata: { segment: "retail" } }),
    );
    expect(customer.id).toMatch(/^cus_[0-9A-Z]{14}$/);
    expect(customer).toMatchObject({
      name: "Comercializadora Andes SpA",
      email: "pagos@andes.cl",
      metadata: { segment: "retail" },
      // The spec's examples show Chile and state 13: the fake answers with those objects.
      country: { id: "CL", name: "Chile", code: "+56" },
      state: { id: 13, name: "Región Metropolitana de Santiago", country: "CL" },
      send_invoices: true,
      send_collections: true,
      send_vouchers: true,
      status: "active",
      contacts: [],
      sources: [],
      test_mode: false,
      created: NOW.toISOString(),
      updated: NOW.toISOString(),
    });
    expect(validateCustomer(customer).ok).toBe(true);
    const contact = await piriod.contacts.create({
      name: "Ana Rojas",
      email: "ana@andes.cl",
      customer: defined(customer.id, "the customer's id"),
    });
    expect(contact.id).toMatch(/^con_[0-9A-Z]{14}$/);
    expect(contact).toMatchObject({ customer: customer.id, invoicing: true, collections: true });
    expect(validateContact(contact).ok).toBe(true);
  });

  it("answers an id the spec's examples do not show with the id alone", async () => {
    const { piriod } = fakeAndClient();
    const customer = await piriod.customers.create(customerBody({ country: "MX", state: 9 }));
    expect([customer.country, customer.state]).toEqual([{ id: "MX" }, { id: 9 }]);
  });

  it("merges a partial update over what it stores, moves `updated` on, and retrieve returns it", async () => {
    let now = NOW;
    const { piriod } = fakeAndClient({ now: () => now });
    const made = await piriod.customers.create(customerBody({ email: "pagos@andes.cl", phone: "+56 2 2345 6789" }));
    now = new Date("2026-12-07T08:30:00.000Z");
    const id = defined(made.id, "the customer's id");
    const updated = await piriod.customers.update(id, {
      ...toCustomerUpdate(made),
      email: "cobranza@andes.cl",
      phone: null,
    });
    expect(updated).toMatchObject({
      id: made.id,
      email: "cobranza@andes.cl",
      phone: null,
      created: NOW.toISOString(),
      updated: now.toISOString(),
    });
    expect(await piriod.customers.retrieve(id)).toEqual(updated);
    const contact = await piriod.contacts.create({ name: "Ana Rojas", email: "ana@andes.cl" });
    const contactId = defined(contact.id, "the contact's id");
    const moved = await piriod.contacts.update(contactId, { ...toContactUpdate(contact), orgunit: "Finanzas" });
    expect((await piriod.contacts.retrieve(contactId)).orgunit).toBe(moved.orgunit);
  });

  it("deletes with 204, after which the id is 404 Not found. for retrieve, update and delete", async () => {
    const { fake, piriod } = fakeAndClient();
    const made = await piriod.customers.create(customerBody());
    const id = defined(made.id, "the customer's id");
    expect(await piriod.customers.delete(id)).toBeUndefined();
    expect(fake.requests.at(-1)?.status).toBe(204);
    for (const call of [
      () => piriod.customers.retrieve(id),
      () => piriod.customers.update(id, customerBody()),
      () => piriod.customers.delete(id),
    ]) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PiriodNotFoundError);
      expect((error as PiriodNotFoundError).body).toEqual({ detail: "Not found." });
    }
    expect((await piriod.customers.list()).count).toBe(0);
  });

  it("answers an unknown id 404 before looking at the body, as DRF's get_object does", async () => {
    const { fake } = fakeAndClient();
    const response = await send(fake, "/customers/cus_NOPE/", { method: "PATCH", body: { name: 5 } });
    expect([response.status, await response.json()]).toEqual([404, { detail: "Not found." }]);
  });

  it("hands out copies: changing an answer does not change what the fake stores", async () => {
    const { piriod } = fakeAndClient();
    const made = await piriod.customers.create(customerBody({ metadata: { segment: "retail" } }));
    defined(made.metadata, "the customer's metadata").segment = "changed";
    const stored = await piriod.customers.retrieve(defined(made.id, "the customer's id"));
    expect(stored.metadata).toEqual({ segment: "retail" });
  });
});

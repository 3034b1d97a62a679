import { describe, expect, it } from "vitest";
import { PiriodBadRequestError, PiriodError } from "../../src/index.ts";
import { createPiriodFake } from "../../src/testing/index.ts";
import { defined } from "../helpers/defined.ts";
import { customerBody, fakeAndClient, send } from "../helpers/fake-client.ts";

/** The fake's answer to a create with this body, sent as a raw HTTP client would (the client validates before sending). */
async function createWith(body: unknown, path = "/customers/", options: { strict?: boolean } = {}) {
  const response = await send(createPiriodFake(options), path, { method: "POST", body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

describe("the fake refuses a body in Piriod's DRF shape, naming the fields actually wrong", () => {
  it("uses DRF's wording for each rule, and names nothing that is right", async () => {
    const answer = await createWith({
      name: "x".repeat(101),
      email: "pagos(at)andes.cl",
      state: "13.5",
      address: "Av. 1",
      country: "CL",
      website: "andes",
      tax_settings: [],
    });
    expect(answer).toEqual({
      status: 400,
      body: {
        name: ["Ensure this field has no more than 100 characters."],
        email: ["Enter a valid email address."],
        state: ["A valid integer is required."],
        website: ["Enter a valid URL."],
        tax_settings: ['Expected a dictionary of items but got type "list".'],
      },
    });
  });

  it("lists every required field that is missing", async () => {
    expect(await createWith({})).toEqual({
      status: 400,
      body: Object.fromEntries(
        ["name", "address", "country", "state"].map((field) => [field, ["This field is required."]]),
      ),
    });
  });

  it("says a field may not be null where the schema does not allow it, and takes null where it does", async () => {
    expect(await createWith(customerBody({ name: null, email: null }))).toEqual({
      status: 400,
      body: { name: ["This field may not be null."] },
    });
  });

  it("words a wrong type as DRF does for booleans and strings", async () => {
    expect(await createWith(customerBody({ send_invoices: "maybe", currency: true }))).toEqual({
      status: 400,
      body: { send_invoices: ["Must be a valid boolean."], currency: ["Not a valid string."] },
    });
  });

  it("answers a body that is not an object under non_field_errors, naming its Python type", async () => {
    expect(await createWith([customerBody()])).toEqual({
      status: 400,
      body: { non_field_errors: ["Invalid data. Expected a dictionary, but got list."] },
    });
    expect(await createWith("Andes")).toEqual({
      status: 400,
      body: { non_field_errors: ["Invalid data. Expected a dictionary, but got str."] },
    });
  });

  it("checks each operation's own body: a contact's name has at most 64 characters and its phone 12", async () => {
    expect(
      await createWith({ name: "n".repeat(65), email: "ana@andes.cl", phone: "+5698765432100" }, "/contacts/"),
    ).toEqual({
      status: 400,
      body: {
        name: ["Ensure this field has no more than 64 characters."],
        phone: ["Ensure this field has no more than 12 characters."],
      },
    });
  });

  it("validates a partial update's body too, and changes nothing when it refuses it", async () => {
    const { fake, piriod } = fakeAndClient();
    const made = await piriod.customers.create(customerBody({ email: "pagos@andes.cl" }));
    const refused = await send(fake, `/customers/${made.id}/`, {
      method: "PATCH",
      body: customerBody({ email: "not an email" }),
    });
    expect([refused.status, await refused.json()]).toEqual([400, { email: ["Enter a valid email address."] }]);
    expect((await piriod.customers.retrieve(defined(made.id, "the customer's id"))).email).toBe("pagos@andes.cl");
  });

  it("reaches a client as a PiriodBadRequestError whose fieldErrors name the fields", async () => {
    const { piriod } = fakeAndClient();
    // raw skips the client's own validation, so the fake is the one that refuses.
    const { error, response } = await piriod.raw.POST("/customers/", {
      body: customerBody({ email: "pagos(at)andes.cl" }) as never,
    });
    expect(response.status).toBe(400);
    expect(error).toEqual({ email: ["Enter a valid email address."] });
    const { piriod: unchecked } = fakeAndClient({}, { validate: { request: false } });
    const thrown = await unchecked.customers
      .create(customerBody({ email: "pagos(at)andes.cl" }))
      .catch((caught: unknown) => caught);
    expect(thrown).toBeInstanceOf(PiriodBadRequestError);
    expect((thrown as PiriodBadRequestError).fieldErrors).toEqual([
      { path: "/email", message: "Enter a valid email address." },
    ]);
  });
});

describe("where Piriod (Django REST Framework) is lenient, the fake is too", () => {
  const lenient = customerBody({
    state: " 13 ",
    send_invoices: "Yes",
    send_vouchers: 0,
    zip_code: 7500000,
    nickname: "Andes",
  });

  it('reads "13" as an integer, "yes" and 0 as booleans, a number as a text, and ignores an unknown field', async () => {
    const { status, body } = await createWith(lenient);
    expect(status).toBe(201);
    expect(body).toMatchObject({ state: { id: 13 }, send_invoices: true, send_vouchers: false, zip_code: "7500000" });
    expect(body).not.toHaveProperty("nickname");
  });

  it("refuses them all with createPiriodFake({ strict: true }), as the spec's closed schemas do", async () => {
    expect(await createWith(lenient, "/customers/", { strict: true })).toEqual({
      status: 400,
      body: {
        state: ["A valid integer is required."],
        send_invoices: ["Must be a valid boolean."],
        send_vouchers: ["Must be a valid boolean."],
        zip_code: ["Not a valid string."],
        nickname: ["This field is not allowed."],
      },
    });
  });

  it('still refuses what DRF refuses: "13.5" for an integer, "maybe" for a boolean, true for a text', async () => {
    expect(await createWith(customerBody({ state: "13.5", send_invoices: "maybe", zip_code: true }))).toEqual({
      status: 400,
      body: {
        state: ["A valid integer is required."],
        send_invoices: ["Must be a valid boolean."],
        zip_code: ["Not a valid string."],
      },
    });
  });

  it("is reached by raw calls only: the client refuses both before sending", async () => {
    const { fake, piriod } = fakeAndClient();
    const error = await piriod.customers
      .create({ ...customerBody(), state: "13" as unknown as number })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PiriodError);
    expect(String((error as Error).message)).toContain("/state");
    expect(fake.requests).toHaveLength(0);
  });
});

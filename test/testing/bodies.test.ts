import { describe, expect, it } from "vitest";
import { PiriodBadRequestError } from "../../src/index.ts";
import { createPiriodFake } from "../../src/testing/index.ts";
import { defined } from "../helpers/defined.ts";
import { customerBody, fakeAndClient, send } from "../helpers/fake-client.ts";

/** The fake's answer to a create with this body, sent as a raw HTTP client would (the client validates before sending). */
async function createWith(body: unknown, path = "/customers/") {
  const response = await send(createPiriodFake(), path, { method: "POST", body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

describe("the fake refuses a body in Piriod's DRF shape, naming the fields actually wrong", () => {
  it("uses DRF's wording for each rule, and names nothing that is right", async () => {
    const answer = await createWith({
      name: "x".repeat(101),
      email: "pagos(at)andes.cl",
      state: "13",
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

  it("words a wrong type as DRF does for booleans and strings, and a field the closed schema does not have", async () => {
    expect(await createWith(customerBody({ send_invoices: "yes", currency: 5, nickname: "Andes" }))).toEqual({
      status: 400,
      body: {
        send_invoices: ["Must be a valid boolean."],
        currency: ["Not a valid string."],
        nickname: ["This field is not allowed."],
      },
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

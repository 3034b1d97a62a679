// A vitest suite of browser code's tests, run under a DOM that jsdom or happy-dom emulates: a client
// on @piriod/api/testing's fetch, made without dangerouslyAllowBrowser.
import { createPiriodClient, PiriodBadRequestError, toCustomerUpdate } from "@piriod/api";
import { createPiriodFake } from "@piriod/api/testing";
import { beforeEach, expect, it } from "vitest";

const API_KEY = "sk_test_dom";
const ANDES = { name: "Andes SpA", address: "Av. Providencia 1234", country: "CL", state: 13 };

/** The tests, in the DOM whose `navigator.userAgent` matches `userAgent`. */
export function customersTests(userAgent) {
  const fake = createPiriodFake({ apiKey: API_KEY });
  const connect = () => createPiriodClient({ apiKey: API_KEY, workspace: "acc_01H8XYZ123ABC", fetch: fake.fetch });
  beforeEach(() => fake.reset());

  it("runs in the emulated DOM", () => {
    expect(document.createElement("div").tagName).toBe("DIV");
    expect(typeof window.document).toBe("object");
    expect(navigator.userAgent).toMatch(userAgent);
  });

  it("makes a client and creates, retrieves through a retried 429 and updates a customer", async () => {
    const piriod = connect();
    const created = await piriod.customers.create(ANDES);
    fake.failNext("customers.retrieve", { status: 429, headers: { "retry-after": "0" } });
    const retrieved = await piriod.customers.retrieve(created.id);
    const updated = await piriod.customers.update(created.id, {
      ...toCustomerUpdate(retrieved),
      email: "pagos@andes.cl",
    });
    expect(updated).toMatchObject({ id: created.id, name: "Andes SpA", email: "pagos@andes.cl" });
    expect(fake.requests.map(({ operation, status }) => `${operation} ${status}`)).toEqual([
      "customers.create 201",
      "customers.retrieve 429",
      "customers.retrieve 200",
      "customers.update 200",
    ]);
  });

  it("reads Piriod's field errors", async () => {
    const unchecked = createPiriodClient({
      apiKey: API_KEY,
      workspace: "acc_01H8XYZ123ABC",
      fetch: fake.fetch,
      validate: { request: false },
    });
    const error = await unchecked.customers.create({ ...ANDES, email: "pagos" }).catch((caught) => caught);
    expect(error).toBeInstanceOf(PiriodBadRequestError);
    expect(error.fieldErrors).toEqual([{ path: "/email", message: "Enter a valid email address." }]);
  });
}

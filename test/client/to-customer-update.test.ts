import { describe, expect, it } from "vitest";
import type { Customer } from "../../generated/schema.js";
import { validateCustomer, validateCustomerUpdate } from "../../generated/validators.js";
import { toCustomerUpdate } from "../../src/index.js";
import { loadCorpus } from "../helpers/conformance-corpus.ts";
import { chileanCustomer } from "../helpers/spec-examples.ts";

const RESPONSE_ONLY = ["id", "status", "contacts", "sources", "aggregations", "test_mode", "created", "updated"];
const validResponses = loadCorpus().filter((entry) => entry.schema === "Customer" && entry.valid);

describe("toCustomerUpdate", () => {
  it("has valid response cases of the conformance corpus to work on", () => {
    expect(validResponses.length).toBeGreaterThanOrEqual(20);
  });

  it.each(validResponses.map((entry) => [entry.name, entry.payload as Customer] as const))("makes a valid CustomerUpdate of %s", (_name, customer) => {
    expect(validateCustomer(customer).ok).toBe(true);
    const update = toCustomerUpdate(customer);
    const result = validateCustomerUpdate(update);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(update.country).toBe(customer.country.id);
    expect(update.state).toBe(customer.state.id);
    for (const [field, value] of Object.entries(update)) {
      if (field !== "country" && field !== "state") expect(value, field).toEqual(customer[field as keyof Customer]);
    }
    for (const field of RESPONSE_ONLY) expect(update).not.toHaveProperty(field);
  });

  it("keeps every field of the update as the customer had it, and only those", () => {
    const { id, status, contacts, sources, aggregations, test_mode, created, updated, country, state, ...kept } = chileanCustomer;
    void [id, status, contacts, sources, aggregations, test_mode, created, updated];
    expect(toCustomerUpdate(chileanCustomer)).toEqual({ ...kept, country: country.id, state: state.id });
  });

  it("leaves absent fields absent and keeps null", () => {
    const update = toCustomerUpdate({ name: "Andes SpA", address: "Av. Providencia 1234", country: { id: "CL" }, state: { id: 13 }, email: null });
    expect(update).toEqual({ name: "Andes SpA", address: "Av. Providencia 1234", country: "CL", state: 13, email: null });
    expect(Object.keys(update)).not.toContain("phone");
  });

  it("copies objects, so editing the update leaves the customer alone", () => {
    const update = toCustomerUpdate(chileanCustomer);
    update.metadata!.segment = "retail";
    expect(chileanCustomer.metadata!.segment).toBe("wholesale");
  });

  it("drops fields Piriod adds that the update does not know", () => {
    const update = toCustomerUpdate({ ...chileanCustomer, loyalty_tier: "gold" } as Customer);
    expect(update).not.toHaveProperty("loyalty_tier");
    expect(validateCustomerUpdate(update).ok).toBe(true);
  });
});

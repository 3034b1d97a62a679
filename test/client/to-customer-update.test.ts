import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Customer } from "../../generated/schema.js";
import { validateCustomer, validateCustomerUpdate } from "../../generated/validators.js";
import { PiriodError, PiriodValidationError, toCustomerUpdate } from "../../src/index.js";
import { loadCorpus } from "../helpers/conformance-corpus.ts";
import { defined } from "../helpers/defined.ts";
import { chileanCustomer } from "../helpers/spec-examples.ts";

const RESPONSE_ONLY = ["id", "status", "contacts", "sources", "aggregations", "test_mode", "created", "updated"];
const validResponses = loadCorpus().filter((entry) => entry.schema === "Customer" && entry.valid);

describe("toCustomerUpdate", () => {
  it("has valid response cases of the conformance corpus to work on", () => {
    expect(validResponses.length).toBeGreaterThanOrEqual(20);
  });

  it.each(validResponses.map((entry) => [entry.name, entry.payload as Customer] as const))(
    "makes a valid CustomerUpdate of %s",
    (_name, customer) => {
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
    },
  );

  it("keeps every field of the update as the customer had it, and only those", () => {
    const { id, status, contacts, sources, aggregations, test_mode, created, updated, country, state, ...kept } =
      chileanCustomer;
    void [id, status, contacts, sources, aggregations, test_mode, created, updated];
    expect(toCustomerUpdate(chileanCustomer)).toEqual({ ...kept, country: country.id, state: state.id });
  });

  it("leaves absent fields absent and keeps null", () => {
    const update = toCustomerUpdate({
      id: "cus_01H8XYZ123ABC",
      created: "2026-01-01T00:00:00Z",
      updated: "2026-01-01T00:00:00Z",
      name: "Andes SpA",
      address: "Av. Providencia 1234",
      country: { id: "CL" },
      state: { id: 13 },
      email: null,
    });
    expect(update).toEqual({
      name: "Andes SpA",
      address: "Av. Providencia 1234",
      country: "CL",
      state: 13,
      email: null,
    });
    expect(Object.keys(update)).not.toContain("phone");
  });

  it("copies objects, so editing the update leaves the customer alone", () => {
    const update = toCustomerUpdate(chileanCustomer);
    defined(update.metadata, "the update's metadata").segment = "retail";
    expect(defined(chileanCustomer.metadata, "the customer's metadata").segment).toBe("wholesale");
  });

  it("drops fields Piriod adds that the update does not know", () => {
    const update = toCustomerUpdate({ ...chileanCustomer, loyalty_tier: "gold" } as Customer);
    expect(update).not.toHaveProperty("loyalty_tier");
    expect(validateCustomerUpdate(update).ok).toBe(true);
  });
});

/** What a response read without validation may hold in place of a field an update needs. */
const BROKEN = {
  absent: undefined,
  null: null,
  "a bare id": "CL",
  "an object without id": { name: "Chile" },
};
const NEEDED = ["name", "address", "country", "state"] as const;
/** The paths an update needs that `customer` cannot give. */
function unusable(customer: Record<string, unknown>): string[] {
  return NEEDED.filter((field) => {
    const value = customer[field];
    if (field === "name" || field === "address") return value === undefined;
    return typeof value !== "object" || value === null || (value as { id?: unknown }).id == null;
  }).map((field) => `/${field}`);
}

describe("toCustomerUpdate on an incomplete customer", () => {
  it.each([
    ["country", ["/country"]],
    ["state", ["/state"]],
  ])("refuses a customer without %s with a PiriodValidationError naming it", (field, paths) => {
    const { [field as "country"]: _dropped, ...rest } = chileanCustomer;
    void _dropped;
    const error = (() => {
      try {
        toCustomerUpdate(rest as Customer);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(PiriodValidationError);
    expect(error).toBeInstanceOf(PiriodError);
    expect((error as PiriodValidationError).errors.map((issue) => issue.path)).toEqual(paths);
    expect((error as Error).message).toContain(paths[0]);
  });

  it("names every missing or malformed field at once", () => {
    const broken = { ...chileanCustomer, country: undefined, state: "13", name: undefined } as unknown as Customer;
    expect(() => toCustomerUpdate(broken)).toThrow(
      /^toCustomerUpdate: .*\/name is required; \/country is required; \/state must be an object with an id$/,
    );
  });

  it("throws exactly when a field the update needs is unusable, naming each such path; otherwise the update is valid", () => {
    const brokenValue = fc.constantFrom(...Object.values(BROKEN));
    fc.assert(
      fc.property(
        fc.constantFrom(...validResponses.map((entry) => entry.payload as Record<string, unknown>)),
        fc.subarray([...NEEDED]),
        fc.array(brokenValue, { minLength: 4, maxLength: 4 }),
        (payload, fields, values) => {
          const customer: Record<string, unknown> = structuredClone(payload);
          fields.forEach((field, index) => {
            // name and address are copied as they are: only their absence leaves the update without them.
            const copied = field === "name" || field === "address";
            if (copied || values[index] === undefined) delete customer[field];
            else customer[field] = values[index];
          });
          const expected = unusable(customer);
          let thrown: unknown;
          let update: unknown;
          try {
            update = toCustomerUpdate(customer as Customer);
          } catch (error) {
            thrown = error;
          }
          if (expected.length === 0) {
            expect(thrown).toBeUndefined();
            expect(validateCustomerUpdate(update).ok).toBe(true);
          } else {
            expect(thrown).toBeInstanceOf(PiriodValidationError);
            expect((thrown as PiriodValidationError).errors.map((issue) => issue.path)).toEqual(expected);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

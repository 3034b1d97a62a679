import { describe, expectTypeOf, it } from "vitest";
import type { Customer, CustomerStatus, CustomerUpdate, components } from "../../generated/schema.js";
import { validateCustomer, validateCustomerUpdate } from "../../generated/validators.js";

/** The keys of T that may not be absent. */
type RequiredKeys<T> = { [K in keyof T]-?: Pick<T, K> extends Required<Pick<T, K>> ? K : never }[keyof T];
type RESPONSE_ONLY = "id" | "status" | "contacts" | "sources" | "aggregations" | "test_mode" | "created" | "updated";
type NULLABLE = "email" | "phone" | "website" | "zip_code" | "manager" | "reference" | "tax_id";

describe("CustomerUpdate", () => {
  it("requires exactly the page's required fields; defaults included, all others are optional", () => {
    expectTypeOf<RequiredKeys<CustomerUpdate>>().toEqualTypeOf<"name" | "address" | "country" | "state">();
    expectTypeOf<CustomerUpdate["send_invoices"]>().toEqualTypeOf<boolean | undefined>();
  });

  it("types nullable fields as T | null, and others without null", () => {
    expectTypeOf<Required<CustomerUpdate>[NULLABLE]>().toEqualTypeOf<string | null>();
    expectTypeOf<CustomerUpdate["name"]>().toEqualTypeOf<string>();
    expectTypeOf<CustomerUpdate["state"]>().toEqualTypeOf<number>();
    expectTypeOf<Required<CustomerUpdate>["currency"]>().toEqualTypeOf<string>();
  });

  it("lets metadata and tax_settings hold arbitrary keys", () => {
    expectTypeOf({ segment: "wholesale", tier: 2, nested: { ok: true } }).toExtend<
      NonNullable<CustomerUpdate["metadata"]>
    >();
    expectTypeOf({ activity: "retail" }).toExtend<NonNullable<CustomerUpdate["tax_settings"]>>();
  });

  it("has no field that exists only in responses", () => {
    expectTypeOf<Extract<keyof CustomerUpdate, RESPONSE_ONLY>>().toEqualTypeOf<never>();
  });

  it("refuses what the schema refuses in an object literal", () => {
    const base = { name: "Andes SpA", address: "Av. Providencia 1234", country: "CL", state: 13 };
    expectTypeOf(base).toExtend<CustomerUpdate>();
    // @ts-expect-error: read-only field of the response
    const withId: CustomerUpdate = { ...base, id: "cus_1" };
    // @ts-expect-error: state is an integer ID
    const wrongType: CustomerUpdate = { ...base, state: "13" };
    // @ts-expect-error: address is required
    const missing: CustomerUpdate = { name: "Andes SpA", country: "CL", state: 13 };
    // @ts-expect-error: currency is not nullable
    const nullCurrency: CustomerUpdate = { ...base, currency: null };
    void [withId, wrongType, missing, nullCurrency];
  });
});

describe("Customer", () => {
  it("promises the page's required fields, and the id, created and updated every response has", () => {
    expectTypeOf<RequiredKeys<Customer>>().toEqualTypeOf<
      "name" | "address" | "country" | "state" | "id" | "created" | "updated"
    >();
    expectTypeOf<Customer["id"]>().toEqualTypeOf<string>();
    expectTypeOf<Required<Customer>[NULLABLE]>().toEqualTypeOf<string | null>();
  });

  it("returns country and state as objects", () => {
    expectTypeOf<Customer["country"]>().toEqualTypeOf<components["schemas"]["Country"]>();
    expectTypeOf<Customer["country"]["id"]>().toEqualTypeOf<string>();
    expectTypeOf<Customer["state"]["id"]>().toEqualTypeOf<number>();
  });

  it("types status as the union of its enum", () => {
    expectTypeOf<CustomerStatus>().toEqualTypeOf<"active" | "archived" | "pending">();
    expectTypeOf<Customer["status"]>().toEqualTypeOf<"active" | "archived" | "pending" | undefined>();
  });

  it("marks the page's read-only fields readonly", () => {
    expectTypeOf<Customer>().toHaveProperty("contacts");
    // @ts-expect-error: id is read-only
    const assign = (customer: Customer) => (customer.id = "cus_2");
    void assign;
  });
});

describe("validators", () => {
  it("narrow unknown input to the schema's type", () => {
    const input: unknown = JSON.parse("{}");
    const update = validateCustomerUpdate(input);
    if (update.ok) expectTypeOf(update.value).toEqualTypeOf<CustomerUpdate>();
    else
      expectTypeOf(update.errors).items.toEqualTypeOf<{
        path: string;
        keyword: string;
        params?: Record<string, unknown>;
        message: string;
      }>();
    const customer = validateCustomer(input);
    if (customer.ok) expectTypeOf(customer.value).toEqualTypeOf<Customer>();
  });
});

import { describe, expectTypeOf, it } from "vitest";
import { type Customer, type CustomerUpdate, createPiriodClient, toCustomerUpdate } from "../../src/index.js";

declare const customer: Customer;
const piriod = createPiriodClient({ apiKey: "sk_test", workspace: "acc_01H8XYZ123ABC" });

describe("toCustomerUpdate", () => {
  it("returns a CustomerUpdate that an update accepts with a field changed", () => {
    expectTypeOf(toCustomerUpdate(customer)).toEqualTypeOf<CustomerUpdate>();
    expectTypeOf(
      piriod.customers.update("cus_1", { ...toCustomerUpdate(customer), email: "pagos@andes.cl" }),
    ).resolves.toEqualTypeOf<Customer>();
  });

  it("refuses a wrong field or a wrong type beside it", () => {
    // @ts-expect-error: no such field in the update
    void piriod.customers.update("cus_1", { ...toCustomerUpdate(customer), emial: "pagos@andes.cl" });
    // @ts-expect-error: state is an integer ID
    void piriod.customers.update("cus_1", { ...toCustomerUpdate(customer), state: "13" });
    // @ts-expect-error: id exists only in responses
    void piriod.customers.update("cus_1", { ...toCustomerUpdate(customer), id: "cus_2" });
  });

  it("takes a retrieved customer", () => {
    expectTypeOf(piriod.customers.retrieve("cus_1")).resolves.toEqualTypeOf<Customer>();
    expectTypeOf(toCustomerUpdate).parameter(0).toEqualTypeOf<Customer>();
  });
});

import type { Customer, CustomerUpdate } from "../generated/schema.js";

type CopiedField = Exclude<keyof CustomerUpdate, "country" | "state">;

/** The update's fields a customer holds under the same name and in the same shape. */
const COPIED_FIELDS = [
  "name",
  "address",
  "currency",
  "email",
  "phone",
  "website",
  "zip_code",
  "manager",
  "reference",
  "tax_id",
  "tax_settings",
  "metadata",
  "send_invoices",
  "send_collections",
  "send_vouchers",
] as const satisfies readonly CopiedField[];

// A field the spec adds to CustomerUpdate fails to compile here until it is listed above.
const everyFieldListed: Exclude<CopiedField, (typeof COPIED_FIELDS)[number]> extends never ? true : never = true;
void everyFieldListed;

/**
 * A retrieved customer as the body of its update: `country` and `state` as their ids, the
 * fields that exist only in responses (`id`, `status`, `contacts`, …) left out, and every other
 * field as it was (absent stays absent, `null` stays `null`; objects are copies, so editing the
 * update leaves the customer alone). Spread it and change what you need:
 *
 *     await piriod.customers.update(id, { ...toCustomerUpdate(customer), email: "pagos@andes.cl" });
 */
export function toCustomerUpdate(customer: Customer): CustomerUpdate {
  const update: Record<string, unknown> = { country: customer.country.id, state: customer.state.id };
  for (const field of COPIED_FIELDS) {
    const value = customer[field];
    if (value !== undefined) update[field] = value !== null && typeof value === "object" ? structuredClone(value) : value;
  }
  return update as CustomerUpdate;
}

import type { Customer, CustomerUpdate } from "../generated/schema.js";
import type { ValidationIssue } from "../generated/validators/runtime.js";
import { PiriodValidationError } from "./errors.js";

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

/** The update's required fields copied as they are; `country` and `state` are read from their objects' ids. */
const REQUIRED_COPIED = ["name", "address"] as const;
const REQUIRED_IDS = ["country", "state"] as const;

/**
 * A retrieved customer as the body of its update: `country` and `state` as their ids, the
 * fields that exist only in responses (`id`, `status`, `contacts`, …) left out, and every other
 * field as it was (absent stays absent, `null` stays `null`; objects are copies, so editing the
 * update leaves the customer alone). Spread it and change what you need:
 *
 *     await piriod.customers.update(id, { ...toCustomerUpdate(customer), email: "pagos@andes.cl" });
 *
 * Throws a `PiriodValidationError` naming every field the update needs and the customer lacks
 * (a response read without validation may be incomplete), rather than build a body Piriod refuses.
 */
export function toCustomerUpdate(customer: Customer): CustomerUpdate {
  const issues: ValidationIssue[] = [];
  const value = customer as unknown as Record<string, unknown>;
  for (const field of REQUIRED_COPIED) {
    if (value[field] === undefined) issues.push({ path: `/${field}`, keyword: "required", message: `/${field} is required` });
  }
  for (const field of REQUIRED_IDS) {
    const related = value[field] as { id?: unknown } | null | undefined;
    if (typeof related !== "object" || related === null || related.id === undefined || related.id === null) {
      issues.push({ path: `/${field}`, keyword: "required", message: `/${field} must be an object with an id` });
    }
  }
  if (issues.length > 0) {
    const lines = issues.map((issue) => issue.message).join("; ");
    throw new PiriodValidationError(`toCustomerUpdate: the customer lacks what an update must carry: ${lines}`, issues);
  }
  const update: Record<string, unknown> = { country: customer.country.id, state: customer.state.id };
  for (const field of COPIED_FIELDS) {
    const copied = customer[field];
    if (copied !== undefined) update[field] = copied !== null && typeof copied === "object" ? structuredClone(copied) : copied;
  }
  return update as CustomerUpdate;
}

// What a team that depends on @piriod/api writes. The package test type-checks it against the
// packed package; each release keeps a copy (release/consumer.ts) that every later build must
// still compile, so a change that breaks consumers' code is caught even when the spec did not change.
import { createPiriodClient, PiriodApiError, PiriodError, PiriodValidationError } from "@piriod/api";
import type { components, Contact, Country, Customer, CustomerStatus, CustomerUpdate, paths, State } from "@piriod/api";
import { validateCustomer, validateCustomerUpdate } from "@piriod/api/validators";

export async function renameCustomer(apiKey: string, id: string, name: string): Promise<Customer> {
  const piriod = createPiriodClient({ apiKey, workspace: "acc_01H8XYZ123ABC", testMode: true, maxRetries: 1, timeoutMs: 10_000 });
  const body: CustomerUpdate = {
    name,
    address: "Av. Providencia 1234, of. 501",
    country: "CL",
    state: 13,
    email: null,
    metadata: { segment: "wholesale", tier: 2 },
  };
  try {
    const customer = await piriod.customers.update(id, body, { timeoutMs: 5_000 });
    const status: "active" | "archived" | "pending" | undefined = customer.status;
    const country: string = customer.country.id;
    void status;
    void country;
    return customer;
  } catch (error) {
    if (error instanceof PiriodValidationError) console.error(error.errors.map((issue) => issue.path));
    else if (error instanceof PiriodApiError) console.error(error.status, error.body);
    else if (error instanceof PiriodError) console.error(error.message);
    throw error;
  }
}

export function checkIncoming(data: unknown): Customer | undefined {
  const update = validateCustomerUpdate(data);
  if (!update.ok) return undefined;
  const name: string = update.value.name;
  void name;
  const customer = validateCustomer(data);
  return customer.ok ? customer.value : undefined;
}

export type UpdateBody = paths["/customers/{id}/"]["patch"]["requestBody"];
export type CountryOfComponents = components["schemas"]["Country"];

// Every schema of the spec is exported under its own name.
export function describeCustomer(customer: Customer): string {
  const country: Country = customer.country;
  const state: State = customer.state;
  const status: CustomerStatus = customer.status ?? "active";
  const contacts: readonly Contact[] = customer.contacts ?? [];
  return `${country.id}/${state.id} ${status} (${contacts.length} contacts)`;
}

// What a team that depends on @piriod/api writes. The package test type-checks it against the
// packed package; each release keeps a copy (release/consumer.ts) that every later build must
// still compile, so a change that breaks consumers' code is caught even when the spec did not change.

import type { Contact, Country, Customer, CustomerStatus, CustomerUpdate, components, paths, State } from "@piriod/api";
import { createPiriodClient, PiriodApiError, PiriodError, PiriodValidationError, toContactUpdate } from "@piriod/api";
import { validateCustomer, validateCustomerUpdate } from "@piriod/api/validators";

export async function renameCustomer(apiKey: string, id: string, name: string): Promise<Customer> {
  const piriod = createPiriodClient({
    apiKey,
    workspace: "acc_01H8XYZ123ABC",
    testMode: true,
    maxRetries: 1,
    timeoutMs: 10_000,
  });
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

// Lists, creates and deletes, contacts, and a client per workspace.
export async function archiveChileanWholesale(apiKey: string): Promise<number> {
  const piriod = createPiriodClient({ apiKey, workspace: "acc_01H8XYZ123ABC", logger: console, logLevel: "warn" });
  const ids: string[] = [];
  for await (const customer of piriod.customers.list({
    country: "CL",
    created__gte: new Date("2026-01-01"),
    metadata__segment: "wholesale",
  })) {
    if (customer.id) ids.push(customer.id);
  }
  const first = await piriod.customers.list({ page_size: 100 });
  const count: number = first.count;
  const next = first.hasNextPage() ? await first.getNextPage() : undefined;
  void next?.items;
  for (const id of ids) await piriod.customers.delete(id);
  const created = await piriod.customers.create({
    name: "Andes SpA",
    address: "Av. Providencia 1234",
    country: "CL",
    state: 13,
  });
  const other = piriod.withOptions({ workspace: "acc_other", testMode: true });
  const contact = await other.contacts.create({
    name: "Ignacio Fuentes",
    email: "ignacio.fuentes@andes.cl",
    customer: created.id ?? null,
  });
  if (contact.id) await other.contacts.update(contact.id, { ...toContactUpdate(contact), invoicing: false });
  return count;
}

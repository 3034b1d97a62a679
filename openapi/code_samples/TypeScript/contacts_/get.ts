import { createPiriodClient } from "@piriod/api";

const piriod = createPiriodClient({
  apiKey: process.env.PIRIOD_API_KEY ?? "",
  workspace: "acc_01H8XYZ123ABC",
});

// Every contact of a customer who receives its invoices, across every page.
const contacts = piriod.contacts.list({ customer: "cus_01H8XYZ123ABC", invoicing: true });
for await (const contact of contacts) {
  console.log(contact.name, contact.email);
}

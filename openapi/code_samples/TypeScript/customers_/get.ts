import { createPiriodClient } from "@piriod/api";

const piriod = createPiriodClient({
  apiKey: process.env.PIRIOD_API_KEY ?? "",
  workspace: "acc_01H8XYZ123ABC",
});

// Every page, one customer at a time: the client follows `next` until the last page.
const customers = piriod.customers.list({
  country: "CL",
  created__gte: new Date("2026-01-01T00:00:00Z"),
  metadata__segment: "wholesale",
});
for await (const customer of customers) {
  console.log(customer.id, customer.name);
}

// Or one page at a time.
const page = await piriod.customers.list({ page_size: 50, ordering: "-created" });
console.log(`${page.items.length} of ${page.count} customers`);
if (page.hasNextPage()) {
  const next = await page.getNextPage();
  console.log(next.items.map((customer) => customer.name));
}

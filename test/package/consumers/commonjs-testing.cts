// The fake in a CommonJS test file: its `import` statements compile to `require`, which can load
// the ES modules of @piriod/api/testing as it loads the client's (TypeScript 5.8 or later).
import { type Customer, createPiriodClient } from "@piriod/api";
import { createPiriodFake } from "@piriod/api/testing";

export async function seededCustomer(): Promise<Customer> {
  const fake = createPiriodFake();
  const [andes] = fake.seed({ customers: [fake.build.customers({ name: "Andes SpA" })] }).customers;
  const piriod = createPiriodClient({ apiKey: "sk_test_fake", workspace: "acc_01H8XYZ123ABC", fetch: fake.fetch });
  if (!andes?.id) throw new Error("the fake seeded no customer");
  return piriod.customers.retrieve(andes.id);
}

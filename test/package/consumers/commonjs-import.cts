// In a CommonJS file an `import` statement compiles to `require`, so it too needs TypeScript 5.8.
import { type Customer, createPiriodClient, PiriodNotFoundError } from "@piriod/api";
import { validateCustomer } from "@piriod/api/validators";

export async function findCustomer(apiKey: string, id: string): Promise<Customer | undefined> {
  const piriod = createPiriodClient({ apiKey, workspace: "acc_01H8XYZ123ABC" });
  try {
    const { data } = await piriod.customers.retrieve(id).withResponse();
    const checked = validateCustomer(data);
    return checked.ok ? checked.value : undefined;
  } catch (error) {
    if (error instanceof PiriodNotFoundError) return undefined;
    throw error;
  }
}

import { createPiriodClient, PiriodBadRequestError, PiriodNotFoundError } from "@piriod/api";

const piriod = createPiriodClient({
  apiKey: process.env.PIRIOD_API_KEY ?? "",
  workspace: "acc_01H8XYZ123ABC",
});

const id = "cus_01H8XYZ123ABC";
try {
  await piriod.customers.delete(id);
} catch (error) {
  // Active subscriptions block the delete: cancel them first.
  if (error instanceof PiriodBadRequestError) console.error(error.nonFieldErrors);
  throw error;
}

// A customer with invoices, ended subscriptions or saved payment sources is archived instead.
const after = await piriod.customers.retrieve(id).catch((error: unknown) => {
  if (error instanceof PiriodNotFoundError) return undefined;
  throw error;
});
console.log(after ? `archived (status: ${after.status})` : "deleted");

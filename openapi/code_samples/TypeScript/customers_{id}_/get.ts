import { createPiriodClient, PiriodNotFoundError, toCustomerUpdate } from "@piriod/api";

const piriod = createPiriodClient({
  apiKey: process.env.PIRIOD_API_KEY!,
  workspace: "acc_01H8XYZ123ABC",
});

const id = "cus_01H8XYZ123ABC";
try {
  const customer = await piriod.customers.retrieve(id);
  // Change one field: the update needs name, address, country and state as they stand.
  const updated = await piriod.customers.update(id, {
    ...toCustomerUpdate(customer),
    email: "pagos@andes.cl",
  });
  console.log(updated.email);
} catch (error) {
  if (error instanceof PiriodNotFoundError) {
    console.error("No such customer in this workspace (or in this mode)");
  } else {
    throw error;
  }
}

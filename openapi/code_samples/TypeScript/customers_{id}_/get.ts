import { createPiriodClient, PiriodNotFoundError } from "@piriod/api";

const piriod = createPiriodClient({
  apiKey: process.env.PIRIOD_API_KEY ?? "",
  workspace: "acc_01H8XYZ123ABC",
});

try {
  const customer = await piriod.customers.retrieve("cus_01H8XYZ123ABC");
  console.log(customer.name, customer.country.name, customer.state.name);
} catch (error) {
  if (error instanceof PiriodNotFoundError) {
    console.error("No such customer in this workspace (or in this mode)");
  } else {
    throw error;
  }
}

import {
  createPiriodClient,
  PiriodApiError,
  PiriodBadRequestError,
  PiriodValidationError,
  toCustomerUpdate,
} from "@piriod/api";

const piriod = createPiriodClient({
  apiKey: process.env.PIRIOD_API_KEY ?? "",
  workspace: "acc_01H8XYZ123ABC",
  // testMode: true, // to work on test-mode data
});

const id = "cus_01H8XYZ123ABC";
try {
  // The update needs name, address, country and state as they stand:
  // read the customer, turn it into an update body, change what you need.
  const customer = await piriod.customers.retrieve(id);
  const updated = await piriod.customers.update(id, {
    ...toCustomerUpdate(customer),
    email: "facturacion@andes.cl",
  });
  console.log(updated.email, updated.country.id, updated.state.id);
} catch (error) {
  if (error instanceof PiriodValidationError) {
    // Refused before sending: { path, keyword, message }[]
    console.error(error.errors);
  } else if (error instanceof PiriodBadRequestError) {
    // Piriod refused a field: [{ path: "/email", message: "…" }]
    console.error(error.fieldErrors, error.nonFieldErrors);
  } else if (error instanceof PiriodApiError) {
    console.error(error.status, error.body, error.requestId);
  } else {
    throw error;
  }
}

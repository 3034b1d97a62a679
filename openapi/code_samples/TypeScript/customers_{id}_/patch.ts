import {
  createPiriodClient,
  PiriodApiError,
  PiriodValidationError,
} from "@piriod/api";

const piriod = createPiriodClient({
  apiKey: process.env.PIRIOD_API_KEY!,
  workspace: "acc_01H8XYZ123ABC",
  // testMode: true, // to work on test-mode data
});

try {
  const customer = await piriod.customers.update(
    "cus_01H8XYZ123ABC",
    {
      name: "Comercializadora Andes SpA",
      address: "Av. Providencia 1234, of. 501",
      country: "CL",
      state: 13,
      email: "facturacion@andes.cl",
    },
  );
  console.log(customer.country.id, customer.state.id);
} catch (error) {
  if (error instanceof PiriodValidationError) {
    // Refused before sending: { path, keyword, message }[]
    console.error(error.errors);
  } else if (error instanceof PiriodApiError) {
    // Piriod's answer: { detail } or field → messages
    console.error(error.status, error.body);
  } else {
    throw error;
  }
}

import { createPiriodClient, PiriodBadRequestError } from "@piriod/api";

const piriod = createPiriodClient({
  apiKey: process.env.PIRIOD_API_KEY ?? "",
  workspace: "acc_01H8XYZ123ABC",
});

try {
  // country and state are sent as IDs, and come back as objects.
  const customer = await piriod.customers.create({
    name: "Distribuidora del Bajío SA de CV",
    address: "Blvd. Adolfo López Mateos 1502",
    country: "MX",
    state: 14,
    email: "cuentas@bajio.mx",
    tax_id: "MAB9307148T4",
  });
  console.log(customer.id, customer.country.name, customer.currency);
} catch (error) {
  if (error instanceof PiriodBadRequestError) {
    // Piriod refused a field: [{ path: "/tax_id", message: "…" }]
    console.error(error.fieldErrors, error.nonFieldErrors);
  } else {
    throw error;
  }
}

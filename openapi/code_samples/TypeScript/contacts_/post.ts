import { createPiriodClient, PiriodBadRequestError } from "@piriod/api";

const piriod = createPiriodClient({
  apiKey: process.env.PIRIOD_API_KEY ?? "",
  workspace: "acc_01H8XYZ123ABC",
});

try {
  const contact = await piriod.contacts.create({
    name: "Valentina Soto",
    email: "valentina.soto@andes.cl",
    customer: "cus_01H8XYZ123ABC",
    invoicing: false,
  });
  console.log(contact.id, contact.collections);
} catch (error) {
  if (error instanceof PiriodBadRequestError) {
    // Piriod refused a field, or the customer already has seven contacts.
    console.error(error.fieldErrors, error.nonFieldErrors);
  } else {
    throw error;
  }
}

import { createPiriodClient, PiriodNotFoundError } from "@piriod/api";

const piriod = createPiriodClient({
  apiKey: process.env.PIRIOD_API_KEY ?? "",
  workspace: "acc_01H8XYZ123ABC",
});

try {
  const contact = await piriod.contacts.retrieve("con_01H8XYZ123ABC");
  console.log(contact.name, contact.email, contact.customer);
} catch (error) {
  if (error instanceof PiriodNotFoundError) {
    console.error("No such contact in this workspace (or in this mode)");
  } else {
    throw error;
  }
}

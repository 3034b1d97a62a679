import { createPiriodClient, PiriodBadRequestError, toContactUpdate } from "@piriod/api";

const piriod = createPiriodClient({
  apiKey: process.env.PIRIOD_API_KEY ?? "",
  workspace: "acc_01H8XYZ123ABC",
});

const id = "con_01H8XYZ123ABC";
try {
  // The update needs name and email as they stand:
  // read the contact, turn it into an update body, change what you need.
  const contact = await piriod.contacts.retrieve(id);
  const updated = await piriod.contacts.update(id, {
    ...toContactUpdate(contact),
    collections: false,
  });
  console.log(updated.collections);
} catch (error) {
  if (error instanceof PiriodBadRequestError) {
    console.error(error.fieldErrors, error.nonFieldErrors);
  } else {
    throw error;
  }
}

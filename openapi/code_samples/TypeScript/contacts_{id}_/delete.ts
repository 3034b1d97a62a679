import { createPiriodClient, PiriodNotFoundError } from "@piriod/api";

const piriod = createPiriodClient({
  apiKey: process.env.PIRIOD_API_KEY ?? "",
  workspace: "acc_01H8XYZ123ABC",
});

try {
  await piriod.contacts.delete("con_01H8XYZ123ABC");
} catch (error) {
  if (error instanceof PiriodNotFoundError) {
    console.error("No such contact in this workspace (or in this mode)");
  } else {
    throw error;
  }
}

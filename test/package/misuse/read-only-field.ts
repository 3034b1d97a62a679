import { createPiriodClient } from "@piriod/api";

const piriod = createPiriodClient({ apiKey: "sk_test", workspace: "acc_01H8XYZ123ABC" });
export const updated = piriod.customers.update("cus_01H8XYZ123ABC", {
  name: "Andes SpA",
  address: "Av. Providencia 1234",
  country: "CL",
  state: 13,
  id: "cus_2",
});

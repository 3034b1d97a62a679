import type { CustomerUpdate } from "@piriod/api";
export const body: CustomerUpdate = {
  name: "Andes SpA",
  address: "Av. Providencia 1234",
  country: "CL",
  state: 13,
  nickname: "Andes",
};

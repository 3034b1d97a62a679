import type { CustomerUpdate } from "@piriod/api";
export const body: CustomerUpdate = { name: "Andes SpA", country: "CL", state: 13 };

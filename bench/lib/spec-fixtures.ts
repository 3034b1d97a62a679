import { readFileSync } from "node:fs";

/** The bundled spec and its request and response examples, as payloads for the benchmarks. */
export const spec = JSON.parse(readFileSync(new URL("../../generated/openapi.json", import.meta.url), "utf8"));

const operation = spec.paths["/customers/{id}/"].patch;
export const customerUpdate = operation.requestBody.content["application/json"].examples.chileanCustomer.value;
export const customer = operation.responses["200"].content["application/json"].examples.chileanCustomer.value;

/** The same payloads with a few faults each: wrong type, too long, bad format, unknown key. */
export const invalidCustomerUpdate = { ...customerUpdate, state: "13", name: "x".repeat(101), email: "not-an-email", nickname: "Andes" };
export const invalidCustomer = { ...customer, country: { name: "Chile" }, status: "deleted", created: "yesterday" };

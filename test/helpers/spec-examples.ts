import { readFileSync } from "node:fs";
import path from "node:path";
import type { Customer, CustomerUpdate } from "../../generated/schema.js";
import { REPO_ROOT } from "./project-copy.ts";

/** The bundled spec, as `npm run generate` wrote it. */
export const bundledSpec = JSON.parse(readFileSync(path.join(REPO_ROOT, "generated", "openapi.json"), "utf8"));

const operation = bundledSpec.paths["/customers/{id}/"].patch;

/** The request example of the PATCH operation. */
export const chileanCustomerUpdate: CustomerUpdate =
  operation.requestBody.content["application/json"].examples.chileanCustomer.value;

/** The 200 example of the PATCH operation. */
export const chileanCustomer: Customer =
  operation.responses["200"].content["application/json"].examples.chileanCustomer.value;

import type { ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { addSpecFormats } from "../../scripts/lib/spec-formats.ts";
import { bundledSpec } from "./spec-examples.ts";

const ajv = new Ajv2020({ allErrors: true, strict: false });
addSpecFormats(ajv);
// The whole bundled document is one resource, so any schema in it is reachable by pointer.
ajv.addSchema(bundledSpec, "openapi.json");

/** A validator, compiled at test time, for the schema at `pointer` in the bundled spec. */
export function compileAt(pointer: string): ValidateFunction {
  return ajv.compile({ $ref: `openapi.json#${pointer}` });
}

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { ValidateFunction } from "ajv";
import { bundledSpec } from "./spec-examples.ts";

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
// The whole bundled document is one resource, so any schema in it is reachable by pointer.
ajv.addSchema(bundledSpec, "openapi.json");

/** A validator, compiled at test time, for the schema at `pointer` in the bundled spec. */
export function compileAt(pointer: string): ValidateFunction {
  return ajv.compile({ $ref: `openapi.json#${pointer}` });
}

import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { addSpecFormats } from "../../scripts/lib/spec-formats.ts";

/**
 * `schema` of the bundled spec compiled by ajv at run time, with the options the generator
 * compiles the standalone validators with; the spec is added whole so its `$ref`s resolve.
 */
export function compileAtRunTime(spec: object, schema: string): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: false, messages: false });
  addSpecFormats(ajv);
  ajv.addSchema(spec, "openapi.json");
  return ajv.compile({ $ref: `openapi.json#/components/schemas/${schema}` });
}

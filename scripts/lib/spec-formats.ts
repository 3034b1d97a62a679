import type { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { isDateTime } from "../../src/date-time-format.ts";
import { EMAIL, URI } from "./format-expressions.ts";

// ajv-formats is CommonJS; under ESM its function arrives as `default`.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/**
 * The formats the spec's schemas are checked with, wherever ajv checks them (the generated
 * validators, and the run-time ajv that tests and benchmarks compare with): ajv-formats, with
 * email, uri and date-time as the RFCs JSON Schema names define them, where ajv-formats is looser
 * or stricter. email and uri are expressions, which ajv writes into a standalone validator itself;
 * date-time is a function, which standalone code reaches as `fullFormats["date-time"]` of
 * src/validator-formats.ts, the same function.
 */
export function addSpecFormats(ajv: Ajv2020): void {
  addFormats(ajv);
  ajv.addFormat("email", EMAIL);
  ajv.addFormat("uri", URI);
  ajv.addFormat("date-time", { type: "string", validate: isDateTime });
}

/**
 * The format checks a generated validator calls rather than inlines (ajv inlines a check that is a regular expression): ajv-formats'
 * full formats, with date-time as RFC 3339 has it. The generator compiles the validators with these very checks, and the validators
 * that use one import this module (the package bundles ajv-formats into it, some 2.9 kB gzipped: the request validator a browser
 * bundle carries does not need it).
 */
import { fullFormats as ajvFormats } from "ajv-formats/dist/formats.js";
import { isDateTime } from "./date-time-format.js";

/** Each format by name, as ajv's standalone code reads it: a check, or an object whose `validate` is the check. */
export const fullFormats: Readonly<Record<string, unknown>> = {
  ...ajvFormats,
  "date-time": { ...(ajvFormats["date-time"] as object), validate: isDateTime },
};

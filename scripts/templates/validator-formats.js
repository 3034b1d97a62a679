// The format checks that are functions rather than regular expressions (date-time, …), bundled
// into generated/validators/formats.js: ajv-formats' full formats, with date-time replaced by
// RFC 3339's own. Only the validators that use one import it: it weighs ~2.9 kB gzipped, and the
// request validator a browser bundle carries does not need it.
import formatsExports from "ajv-formats/dist/formats.js";
import { isDateTime } from "./date-time-format.js";

// CommonJS: as in Node, the default import is `module.exports`.
const ajvFormats = formatsExports.fullFormats;

export const fullFormats = { ...ajvFormats, "date-time": { ...ajvFormats["date-time"], validate: isDateTime } };

// ajv-formats' format checks that are functions rather than regular expressions (date-time, …),
// bundled into generated/validators/formats.js. Only the validators that use one import it: it
// weighs ~2.4 kB gzipped, and the request validator a browser bundle carries does not need it.
import formatsExports from "ajv-formats/dist/formats.js";

// CommonJS: as in Node, the default import is `module.exports`.
export const fullFormats = formatsExports.fullFormats;

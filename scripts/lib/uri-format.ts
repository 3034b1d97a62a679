import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PipelineError } from "./pipeline-error.ts";

const require = createRequire(import.meta.url);

/**
 * ajv-formats' full `uri` check as the one regular expression it is made of. ajv inlines a
 * regular-expression format into standalone code, but imports a function format from
 * ajv-formats with all its other formats: with the expression, the request validator carries
 * ~0.5 kB for `uri` instead of ~2.4 kB. ajv-formats' function is `NOT_URI_FRAGMENT.test(s) &&
 * URI.test(s)`, and URI already demands a scheme and its `:`, so URI alone decides.
 * (test/validators/uri-format.test.ts checks the two agree.)
 */
export function fullUriExpression(): RegExp {
  const file = require.resolve("ajv-formats/dist/formats.js");
  const match = readFileSync(file, "utf8").match(/^const URI = \/(.+)\/i;$/m);
  if (!match) throw new PipelineError(`validators: ${file} no longer defines \`const URI = /…/i\`; scripts/lib/uri-format.ts must follow it`);
  return new RegExp(match[1]!, "i");
}

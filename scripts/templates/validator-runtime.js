// The run-time support every generated validator shares, bundled into
// generated/validators/runtime.js with the piece of ajv the standalone code needs, so the
// validators import no package.
import ucs2lengthExports from "ajv/dist/runtime/ucs2length.js";

// CommonJS: as in Node, the default import is `module.exports`.
export const ucs2length = ucs2lengthExports.default;

/**
 * The errors of a failed standalone ajv validator as the validators report them, each with a
 * JSON Pointer that names the offending field: for a missing or unknown property, the pointer
 * ends in that property's name.
 */
export function validationIssues(errors) {
  return errors.map(toIssue);
}

function toIssue(error) {
  const field = fieldOf(error);
  const path = field === undefined ? error.instancePath : `${error.instancePath}/${escapePointer(field)}`;
  return {
    path,
    keyword: error.keyword,
    params: error.params,
    message: `${path || "body"} ${keywordMessage(error.keyword, error.params)}`,
  };
}

function fieldOf(error) {
  if (error.keyword === "required") return error.params.missingProperty;
  if (error.keyword === "additionalProperties") return error.params.additionalProperty;
  return undefined;
}

function escapePointer(name) {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * What a keyword's failure says, from ajv's error params; `undefined` for a keyword it does not
 * know. The validators are compiled without ajv's own messages, which the issues would not use,
 * and the generator refuses a schema that uses a keyword this does not describe. (A switch: one
 * call site, which an object of functions would make megamorphic on the error path.)
 */
export function keywordMessage(keyword, params) {
  switch (keyword) {
    case "required":
      return "is required";
    case "additionalProperties":
      return "is not a known property and is not allowed";
    case "type":
      return `must be ${[].concat(params.type).join(" or ")}`;
    case "maxLength":
      return `must be at most ${params.limit} characters`;
    case "minLength":
      return `must be at least ${params.limit} characters`;
    case "format":
      return `must be a valid ${params.format}`;
    case "enum":
      return `must be one of ${params.allowedValues.map((value) => JSON.stringify(value)).join(", ")}`;
    default:
      return undefined;
  }
}

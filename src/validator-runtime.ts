/**
 * What every generated validator (generated/validators/*.js) shares: the issues it reports and the string length JSON Schema
 * counts. The validators are ajv's standalone code, compiled without ajv's messages; they import this module, so they need no package.
 */

/** One way a payload breaks its schema. */
export interface ValidationIssue {
  /** JSON Pointer to the offending field (`/email`); for a missing or unknown property, that property (`/name`). `""` is the whole body. */
  path: string;
  /** The JSON Schema keyword that failed (`required`, `maxLength`, `format`, …). */
  keyword: string;
  /** The rule's own terms, as ajv names them: `{ limit: 100 }` for `maxLength`, `{ format: "email" }`, `{ type: "integer" }`, `{ allowedValues }` for `enum`, `{ missingProperty }`. Absent from an issue the client finds itself (an unusable id, an unknown query parameter). */
  params?: Record<string, unknown>;
  /** A sentence naming the field and the rule, e.g. `/name must be at most 100 characters`. */
  message: string;
}

/** The verdict of a validator: the value, typed, or every way it breaks the schema. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationIssue[] };

/** An error of a standalone ajv validator, as far as the issues read it. */
export interface ValidatorError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/**
 * The errors of a failed standalone ajv validator as the validators report them, each with a JSON Pointer that names the offending
 * field: for a missing or unknown property, the pointer ends in that property's name.
 */
export function validationIssues(errors: readonly ValidatorError[]): ValidationIssue[] {
  return errors.map(toIssue);
}

function toIssue(error: ValidatorError): ValidationIssue {
  const field = fieldOf(error);
  const path = field === undefined ? error.instancePath : `${error.instancePath}/${escapePointer(field)}`;
  return {
    path,
    keyword: error.keyword,
    params: error.params,
    message: `${path || "body"} ${keywordMessage(error.keyword, error.params)}`,
  };
}

function fieldOf({ keyword, params }: ValidatorError): string | undefined {
  if (keyword === "required") return String(params.missingProperty);
  if (keyword === "additionalProperties") return String(params.additionalProperty);
  return undefined;
}

function escapePointer(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * What a keyword's failure says, from ajv's error params; `undefined` for a keyword it does not know. The validators are compiled
 * without ajv's own messages, which the issues would not use, and the generator refuses a schema that uses a keyword this does not
 * describe. (A switch: one call site, which an object of functions would make megamorphic on the error path.)
 */
export function keywordMessage(keyword: string, params: Record<string, unknown>): string | undefined {
  switch (keyword) {
    case "required":
      return "is required";
    case "additionalProperties":
      return "is not a known property and is not allowed";
    case "type":
      return `must be ${(Array.isArray(params.type) ? params.type : [params.type]).join(" or ")}`;
    case "maxLength":
      return `must be at most ${params.limit} characters`;
    case "minLength":
      return `must be at least ${params.limit} characters`;
    case "format":
      return `must be a valid ${params.format}`;
    case "enum":
      return `must be one of ${(Array.isArray(params.allowedValues) ? params.allowedValues : []).map((value) => JSON.stringify(value)).join(", ")}`;
    default:
      return undefined;
  }
}

/**
 * The length of `text` in code points, as JSON Schema's `maxLength` and `minLength` count it: a surrogate pair is one character, a
 * lone surrogate one too. A loop rather than `[...text].length`: it runs for every string a validator checks, and makes no array.
 */
export function ucs2length(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    length++;
    const unit = text.charCodeAt(index);
    // A high surrogate followed by a low one: the pair is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) index++;
  }
  return length;
}

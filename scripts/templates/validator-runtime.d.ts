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

/** Used by the generated validators: ajv's errors as `ValidationIssue`s. */
export declare function validationIssues(errors: object[]): ValidationIssue[];

/** Used by the generated validators: string length in code points, as JSON Schema counts it. */
export declare function ucs2length(text: string): number;
/** Used by the generator: what a keyword's failure says, `undefined` for a keyword without a message. */
export declare function keywordMessage(keyword: string, params: Record<string, unknown>): string | undefined;

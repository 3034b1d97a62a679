import type { ValidationIssue } from "../src/validator-runtime.js";

/** Every error the client throws. */
export declare class PiriodError extends Error {
  toJSON(): Record<string, unknown>;
}
/** A value refused before anything was sent (a body that breaks the schema, an unusable id), or an object a body cannot be made of. */
export declare class PiriodValidationError extends PiriodError {
  constructor(message: string, errors: ValidationIssue[], options?: { cause?: unknown });
  /** Every violation, as the validators report them. */
  readonly errors: ValidationIssue[];
}
export declare function writeBody(
  name: string,
  fields: { fields: readonly string[]; ids: readonly string[]; required: readonly string[] },
): (value: object) => Record<string, unknown>;

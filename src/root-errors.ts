/**
 * The root of every error the package throws, and the error for a value refused before anything is sent. Apart from the other
 * classes (./errors.ts) because generated code throws them too: the converters (./write-body.ts) import them from here, and the
 * package root exports these very classes, so `instanceof` holds whichever side threw.
 */
import type { ValidationIssue } from "./validator-runtime.js";

/** Every error the client throws. */
export class PiriodError extends Error {
  /** What `JSON.stringify` writes: the name, the message and the error's own fields (headers as an object, the cause as its message). */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this))
      json[key] = value instanceof Headers ? Object.fromEntries(value) : value;
    if (this.cause !== undefined) json.cause = this.cause instanceof Error ? this.cause.message : String(this.cause);
    return json;
  }
}

/** A value refused before anything was sent (a body that breaks the schema, an unusable id), or an object a body cannot be made of. */
export class PiriodValidationError extends PiriodError {
  /** Every violation, as the validators report them. */
  readonly errors: ValidationIssue[];
  constructor(message: string, errors: ValidationIssue[], options?: { cause?: unknown }) {
    super(message, options);
    this.errors = errors;
  }
}

// Set on the prototypes, not taken from the class names, which minifiers rename.
PiriodError.prototype.name = "PiriodError";
PiriodValidationError.prototype.name = "PiriodValidationError";

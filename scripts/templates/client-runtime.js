// What the generated converters (generated/converters.js) share with the hand-written client,
// copied into generated/client-runtime.js: generated code cannot import src/. src/errors.ts
// re-exports these errors and builds every other one on `PiriodError`, so each class is one class
// whichever side throws it.

/** Every error the client throws. */
export class PiriodError extends Error {
  /** What `JSON.stringify` writes: the name, the message and the error's own fields (headers as an object, the cause as its message). */
  toJSON() {
    const json = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this))
      json[key] = value instanceof Headers ? Object.fromEntries(value) : value;
    if (this.cause !== undefined) json.cause = this.cause instanceof Error ? this.cause.message : String(this.cause);
    return json;
  }
}

/** A value refused before anything was sent (a body that breaks the schema, an unusable id), or an object a body cannot be made of. */
export class PiriodValidationError extends PiriodError {
  constructor(message, errors, options) {
    super(message, options);
    this.errors = errors;
  }
}

// Set on the prototypes, not taken from the class names, which minifiers rename.
PiriodError.prototype.name = "PiriodError";
PiriodValidationError.prototype.name = "PiriodValidationError";

/**
 * A converter named `name` of a response object into the body that writes it back. Of the body's
 * `fields` (in the schema's order), each of `ids` is the `id` of the response's object for it
 * (`country: { id: "CL" }` → `"CL"`), every other is taken as it is (objects copied, absent left
 * absent, `null` kept); fields only the response has are left out. Each of `required` the object
 * cannot give is named in a `PiriodValidationError`, rather than sent to be refused.
 */
export function writeBody(name, { fields, ids, required }) {
  return (value) => {
    const body = {};
    const errors = [];
    for (const field of fields) {
      const given = value?.[field];
      if (given == null) {
        if (required.includes(field))
          errors.push({ path: `/${field}`, keyword: "required", message: `/${field} is required` });
        else if (given === null) body[field] = null;
      } else if (!ids.includes(field)) body[field] = typeof given === "object" ? structuredClone(given) : given;
      else if (typeof given === "object" && given.id != null) body[field] = given.id;
      else errors.push({ path: `/${field}`, keyword: "type", message: `/${field} must be an object with an id` });
    }
    if (errors.length === 0) return body;
    throw new PiriodValidationError(
      `${name}: the object lacks what the body must carry: ${errors.map((error) => error.message).join("; ")}`,
      errors,
    );
  };
}

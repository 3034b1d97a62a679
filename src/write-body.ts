import { PiriodValidationError } from "./root-errors.js";
import type { ValidationIssue } from "./validator-runtime.js";

/** How a converter makes a body: the body's fields in the schema's order, those sent as an object's id, and those it requires. */
export interface BodyFields {
  readonly fields: readonly string[];
  readonly ids: readonly string[];
  readonly required: readonly string[];
}

/**
 * A converter named `name` of a response object into the body that writes it back, as the converters the spec declares
 * (`x-piriod-to-body`, generated/converters.js) are made. Of the body's `fields`, each of `ids` is the `id` of the response's object
 * for it (`country: { id: "CL" }` → `"CL"`), every other is taken as it is (objects copied, absent left absent, `null` kept); fields
 * only the response has are left out. Each of `required` the object cannot give is named in a `PiriodValidationError`, rather than
 * sent to be refused.
 */
export function writeBody(
  name: string,
  { fields, ids, required }: BodyFields,
): (value: object) => Record<string, unknown> {
  return (value) => {
    const body: Record<string, unknown> = {};
    const errors: ValidationIssue[] = [];
    for (const field of fields) {
      const given = (value as Record<string, unknown> | null | undefined)?.[field];
      if (given === undefined || given === null) {
        if (required.includes(field))
          errors.push({ path: `/${field}`, keyword: "required", message: `/${field} is required` });
        else if (given === null) body[field] = null;
      } else if (!ids.includes(field)) body[field] = typeof given === "object" ? structuredClone(given) : given;
      else if (typeof given === "object" && (given as { id?: unknown }).id != null)
        body[field] = (given as { id: unknown }).id;
      else errors.push({ path: `/${field}`, keyword: "type", message: `/${field} must be an object with an id` });
    }
    if (errors.length === 0) return body;
    throw new PiriodValidationError(
      `${name}: the object lacks what the body must carry: ${errors.map((error) => error.message).join("; ")}`,
      errors,
    );
  };
}

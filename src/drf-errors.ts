/** One message of a 400, at a JSON Pointer into the request body (`/name`, `/contacts/0/email`). */
export interface FieldError {
  path: string;
  message: string;
}

export interface DrfErrors {
  fieldErrors: FieldError[];
  nonFieldErrors: string[];
}

const NON_FIELD_KEYS = new Set(["non_field_errors", "detail"]);

/**
 * Flattens a Django REST Framework 400 body. A field maps to a list of messages, to a map for a
 * nested object, or to a list whose maps are the errors of the items of a nested list (index by
 * index, empty for valid items). `non_field_errors` (and `detail`, DRF's key for errors such as
 * a body that is not JSON) belong to the object that holds them; at the top they are the
 * call's non-field errors.
 */
export function flattenDrfErrors(body: unknown): DrfErrors {
  const fieldErrors: FieldError[] = [];
  const nonFieldErrors: string[] = [];
  const add = (path: string, message: string) => (path === "" ? nonFieldErrors.push(message) : fieldErrors.push({ path, message }));

  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => (isMap(item) ? visit(item, `${path}/${index}`) : visit(item, path)));
    } else if (isMap(value)) {
      for (const [key, inner] of Object.entries(value)) visit(inner, NON_FIELD_KEYS.has(key) ? path : `${path}/${escapePointer(key)}`);
    } else if (value !== undefined && value !== null && value !== "") {
      add(path, String(value));
    }
  };
  visit(body, "");
  return { fieldErrors, nonFieldErrors };
}

/** The lines a 400's message lists: non-field errors first, then `/path: message`. */
export function describeDrfErrors({ fieldErrors, nonFieldErrors }: DrfErrors): string[] {
  return [...nonFieldErrors, ...fieldErrors.map(({ path, message }) => `${path}: ${message}`)];
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

import type { FieldError } from "./errors.js";

/**
 * Flattens a Django REST Framework 400 body. A field maps to a list of messages, to a map for a nested object, or to a list whose maps
 * are the errors of a nested list's items, index by index. `non_field_errors` (and `detail`, DRF's key for a body it could not parse)
 * belong to the object that holds them; at the top they are the call's non-field errors.
 */
export function flattenDrfErrors(body: unknown): { fieldErrors: FieldError[]; nonFieldErrors: string[] } {
  const fieldErrors: FieldError[] = [];
  const nonFieldErrors: string[] = [];
  const isMap = (value: unknown): value is Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value);
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, isMap(item) ? `${path}/${index}` : path);
    } else if (isMap(value)) {
      for (const [key, inner] of Object.entries(value))
        visit(
          inner,
          key === "non_field_errors" || key === "detail"
            ? path
            : `${path}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`,
        );
    } else if (value !== undefined && value !== null && value !== "") {
      if (path === "") nonFieldErrors.push(String(value));
      else fieldErrors.push({ path, message: String(value) });
    }
  };
  if (typeof body === "object" && body !== null) visit(body, "");
  return { fieldErrors, nonFieldErrors };
}

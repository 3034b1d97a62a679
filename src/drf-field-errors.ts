import type { FieldError } from "./errors.js";

/**
 * Flattens a Django REST Framework 400 body. A field maps to a list of messages, to a map for a nested object, or to a list whose maps
 * are the errors of a nested list's items, index by index. `non_field_errors` (and `detail`, DRF's key for a body it could not parse)
 * belong to the object that holds them; at the top they are the call's non-field errors. Depth first in the body's order, from a stack
 * of its own: a body 20,000 levels deep costs what a flat one does.
 */
export function flattenDrfErrors(body: unknown): { fieldErrors: FieldError[]; nonFieldErrors: string[] } {
  const fieldErrors: FieldError[] = [];
  const nonFieldErrors: string[] = [];
  const isMap = (value: unknown): value is Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value);
  const pending: { value: unknown; path: string }[] =
    typeof body === "object" && body !== null ? [{ value: body, path: "" }] : [];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) {
        const item: unknown = value[index];
        pending.push({ value: item, path: isMap(item) ? `${path}/${index}` : path });
      }
    } else if (isMap(value)) {
      const keys = Object.keys(value);
      for (let index = keys.length - 1; index >= 0; index--) {
        const key = keys[index] as string;
        const inner = key === "non_field_errors" || key === "detail" ? path : `${path}/${pointerToken(key)}`;
        pending.push({ value: value[key], path: inner });
      }
    } else if (value !== undefined && value !== null && value !== "") {
      if (path === "") nonFieldErrors.push(String(value));
      else fieldErrors.push({ path, message: String(value) });
    }
  }
  return { fieldErrors, nonFieldErrors };
}

/** A key as a JSON Pointer writes it (`a/b~c` → `a~1b~0c`). */
function pointerToken(key: string): string {
  return key.includes("~") || key.includes("/") ? key.replace(/~/g, "~0").replace(/\//g, "~1") : key;
}

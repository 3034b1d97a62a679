import type { FieldError } from "./errors.js";

/** A container of a 400 body being flattened: its entries, the next one to read, and the path its field errors take. */
interface Open {
  entries: unknown[] | Record<string, unknown>;
  keys: string[] | undefined;
  next: number;
  path: string;
}

/**
 * Flattens a Django REST Framework 400 body. A field maps to a list of messages, to a map for a nested object, or to a list whose maps
 * are the errors of a nested list's items, index by index. `non_field_errors` (and `detail`, DRF's key for a body it could not parse)
 * belong to the object that holds them; at the top they are the call's non-field errors. Depth first in the body's order, from a stack
 * of its own: a body 20,000 levels deep costs what a flat one does.
 */
export function flattenDrfErrors(body: unknown): { fieldErrors: FieldError[]; nonFieldErrors: string[] } {
  const fieldErrors: FieldError[] = [];
  const nonFieldErrors: string[] = [];
  const open: Open[] = [];
  const enter = (value: unknown, path: string) => {
    if (Array.isArray(value)) open.push({ entries: value, keys: undefined, next: 0, path });
    else if (isMap(value)) open.push({ entries: value, keys: Object.keys(value), next: 0, path });
    else if (value !== undefined && value !== null && value !== "") {
      if (path === "") nonFieldErrors.push(String(value));
      else fieldErrors.push({ path, message: String(value) });
    }
  };
  if (typeof body === "object" && body !== null) enter(body, "");
  for (let container = open.at(-1); container; container = open.at(-1)) {
    const { entries, keys, path } = container;
    const index = container.next++;
    if (index >= (keys ?? (entries as unknown[])).length) {
      open.pop();
    } else if (keys) {
      const key = keys[index] as string;
      const special = key === "non_field_errors" || key === "detail";
      enter((entries as Record<string, unknown>)[key], special ? path : `${path}/${pointerToken(key)}`);
    } else {
      const item = (entries as unknown[])[index];
      enter(item, isMap(item) ? `${path}/${index}` : path);
    }
  }
  return { fieldErrors, nonFieldErrors };
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A key as a JSON Pointer writes it (`a/b~c` → `a~1b~0c`). */
function pointerToken(key: string): string {
  return key.includes("~") || key.includes("/") ? key.replace(/~/g, "~0").replace(/\//g, "~1") : key;
}

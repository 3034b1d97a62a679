import type { Redactor } from "./redaction.js";

/**
 * Redacts a body the client parsed itself, in place: each string, key and value once, containers from a stack of their own, so a body
 * 20,000 levels deep costs what a flat one does. Given the JSON `source` it was parsed from, it skips the walk when that text holds
 * neither the key nor an escape: then no string of the value can hold the key. Only a failed or refused response needs it, so it loads
 * with the code that reads one.
 */
export function redactJson<T>(redact: Redactor, value: T, source?: string): T {
  const { text } = redact;
  if (typeof value === "string") return text(value) as T;
  if (source !== undefined && !redact.mayHold(source)) return value;
  const pending: object[] = [];
  for (let container = asObject(value); container; container = pending.pop()) {
    const fields = container as Record<string, unknown>;
    const keys = Array.isArray(container) ? undefined : Object.keys(container);
    const count = keys ? keys.length : (container as unknown[]).length;
    for (let index = 0; index < count; index++) {
      const field = keys ? (keys[index] as string) : index;
      const inner = fields[field];
      if (typeof inner === "object" && inner !== null) pending.push(inner);
      else if (typeof inner === "string" && text(inner) !== inner) fields[field] = text(inner);
    }
    if (keys?.some((field) => text(field) !== field)) renameKeys(fields, text);
  }
  return value;
}

function asObject(value: unknown): object | undefined {
  return typeof value === "object" && value !== null ? value : undefined;
}

/** Every key of `fields` given its new name, in the same order (defined, not assigned: a key may be `__proto__`). */
function renameKeys(fields: Record<string, unknown>, rename: (key: string) => string): void {
  for (const key of Object.keys(fields)) {
    const inner = fields[key];
    delete fields[key];
    Object.defineProperty(fields, rename(key), { value: inner, enumerable: true, writable: true, configurable: true });
  }
}

/** Removes a secret from what an error carries, in case a server or a proxy echoes it back. */
export interface Redactor {
  text(text: string): string;
  /** A value parsed from JSON, with the secret removed from every string in it. */
  json<T>(value: T): T;
  headers(headers: Headers): Headers;
}

const MARK = "[redacted]";

export function createRedactor(secret: string): Redactor {
  const text = (value: string) => (value.includes(secret) ? value.split(secret).join(MARK) : value);
  const json = <T>(value: T): T => {
    if (typeof value === "string") return text(value) as T;
    if (typeof value !== "object" || value === null) return value;
    // Errors are rare and their bodies small: one stringify to skip clean bodies is cheap.
    if (!JSON.stringify(value).includes(secret)) return value;
    if (Array.isArray(value)) return value.map(json) as T;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [text(key), json(inner)])) as T;
  };
  const headers = (value: Headers) => {
    const echoed = [...value].some(([, inner]) => inner.includes(secret));
    return echoed ? new Headers([...value].map(([name, inner]): [string, string] => [name, text(inner)])) : value;
  };
  return { text, json, headers };
}

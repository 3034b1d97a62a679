export type Redactor = ReturnType<typeof createRedactor>;

/**
 * Removes the API key from what an error carries (text, parsed JSON, headers), in case a server or a proxy echoes it back: where it
 * stands as a token of its own, as a header value or echoed request text has it, so that a short key cannot mangle other words.
 */
export function createRedactor(secret: string) {
  // Not inside a longer token: neither next to a token's character (a dot only when another follows it, as a sentence's full stop does
  // not), unless after a percent-escape, as a URL echoes `Token%20<key>`.
  const key = secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const token = new RegExp(`(?:(?<=%[\\dA-Fa-f]{2})|(?<![\\w~-]|[\\w~-]\\.))${key}(?![\\w~-]|\\.[\\w~-])`, "g");
  const text = (value: string) => value.replace(token, "[redacted]");
  const json = <T>(value: T): T => {
    if (typeof value === "string") return text(value) as T;
    // Errors are rare and their bodies small: one stringify to skip clean bodies is cheap.
    if (typeof value !== "object" || value === null || text(JSON.stringify(value)) === JSON.stringify(value))
      return value;
    if (Array.isArray(value)) return value.map(json) as T;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [text(key), json(inner)])) as T;
  };
  const headers = (value: Headers) =>
    [...value].some(([, inner]) => text(inner) !== inner)
      ? new Headers([...value].map(([name, inner]): [string, string] => [name, text(inner)]))
      : value;
  return { text, json, headers };
}

export type Redactor = ReturnType<typeof createRedactor>;

/**
 * Removes the API key from what an error carries (text, headers, causes; a parsed body through ./redact-json.ts), in case a server or a proxy echoes it back: where it
 * stands as a token of its own, as a header value or echoed request text has it, so that a short key cannot mangle other words. A key
 * holding `"` or `\` is found as JSON text writes it too.
 */
export function createRedactor(secret: string) {
  const escaped = JSON.stringify(secret).slice(1, -1);
  const forms = escaped === secret ? [secret] : [secret, escaped];
  const text = (value: string) => forms.reduce(redactForm, value);
  /** Whether JSON `source` may hold the key in one of its strings: as written, or spelt with escapes. */
  const mayHold = (source: string) => source.includes("\\") || source.includes(secret);
  /**
   * A cause the client passes on (what a transport or an injected `fetch` threw), with the key taken out of its message, stack and
   * other own properties, and out of its own causes: a copy of the same class when any of them held the key, else the error itself.
   */
  const error = (value: unknown, depth = 0): unknown => {
    if (typeof value === "string") return text(value);
    if (!(value instanceof Error) || depth >= MAX_CAUSES) return value;
    let changed = false;
    const properties: PropertyDescriptorMap = {};
    for (const key of Reflect.ownKeys(value)) {
      const property = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
      if ("value" in property) {
        const inner: unknown = property.value;
        const clean = inner instanceof Error ? error(inner, depth + 1) : redactProperty(inner, text, forms);
        changed ||= clean !== inner;
        property.value = clean;
      }
      properties[key] = property;
    }
    return changed ? Object.create(Object.getPrototypeOf(value), properties) : value;
  };
  /** An error of the client's own, its cause redacted in place. */
  const causeOf = <E extends Error>(thrown: E): E => {
    const clean = error(thrown.cause);
    if (clean !== thrown.cause)
      Object.defineProperty(thrown, "cause", { value: clean, writable: true, configurable: true });
    return thrown;
  };
  const headers = (value: Headers) =>
    [...value].some(([, inner]) => text(inner) !== inner)
      ? new Headers([...value].map(([name, inner]): [string, string] => [name, text(inner)]))
      : value;
  return { text, mayHold, headers, error, causeOf };
}

/** What stands where the key stood. */
const REDACTED = "[redacted]";

/** How deep a chain of causes is redacted: deeper ones are left as they are. */
const MAX_CAUSES = 8;

/**
 * A property of an error as it may be shown, the key taken out: text redacted; bytes (Node's `rawPacket`) and other values replaced
 * by a note when their text holds the key.
 */
function redactProperty(value: unknown, text: (value: string) => string, forms: string[]): unknown {
  if (typeof value === "string") return text(value);
  let shown: string | undefined;
  if (ArrayBuffer.isView(value)) shown = new TextDecoder("latin1").decode(value);
  else if (typeof value === "object" && value !== null) {
    try {
      shown = JSON.stringify(value);
    } catch {}
  }
  return shown !== undefined && forms.some((form) => shown.includes(form)) ? REDACTED : value;
}

/** A token's characters: the key counts only where none of them stands next to it. */
const isTokenCharacter = (code: number) =>
  (code >= 48 && code <= 57) ||
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  code === 95 ||
  code === 126 ||
  code === 45;
const isHexDigit = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);

/** How many pieces are joined at a time: a text holding the key a million times would otherwise keep a million small strings alive. */
const PIECES_PER_JOIN = 4_096;

/**
 * `text` with each `key` that stands as a token of its own replaced: not next to a token's character (a dot only when another follows
 * it, as a sentence's full stop does not), unless after a percent-escape, as a URL echoes `Token%20<key>`. One forward search; the
 * pieces are joined a few thousand at a time, so they die young (a 16 MiB text holding the key every 21 characters redacts three
 * times as fast as with one join at the end).
 */
function redactForm(text: string, key: string): string {
  const joined: string[] = [];
  let kept: string[] = [];
  let copied = 0;
  for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, at + 1)) {
    const end = at + key.length;
    const before = text.charCodeAt(at - 1);
    const escapedBefore = text.charCodeAt(at - 3) === 37 && isHexDigit(before) && isHexDigit(text.charCodeAt(at - 2));
    const joinedBefore = isTokenCharacter(before) || (before === 46 && isTokenCharacter(text.charCodeAt(at - 2)));
    const after = text.charCodeAt(end);
    const joinedAfter = isTokenCharacter(after) || (after === 46 && isTokenCharacter(text.charCodeAt(end + 1)));
    if ((joinedBefore && !escapedBefore) || joinedAfter || at < copied) continue;
    kept.push(text.slice(copied, at), REDACTED);
    copied = end;
    if (kept.length >= PIECES_PER_JOIN) {
      joined.push(kept.join(""));
      kept = [];
    }
  }
  if (copied === 0) return text;
  kept.push(text.slice(copied));
  joined.push(kept.join(""));
  return joined.join("");
}

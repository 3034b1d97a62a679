// How a message quotes what it names: a call, a value cut to its first characters, a server's words with their control characters escaped.
// Every error and log line goes through these, so they load with the client; summarising a body is ./summary.ts's, on failure only.

/** `PATCH /customers/cus_1/`: the call as messages name it. */
export function describeCall(method: string, url: string): string {
  return `${method} ${shorten(loggedPath(url))}`;
}

/** A URL's path as a log line's fields show it, cut to 300 characters. */
export function logPath(url: string): string {
  return shorten(loggedPath(url), 300);
}

/** A URL's path as messages and logs show it: its ids, and its query's names without their values (an email in a filter is personal data). */
function loggedPath(url: string): string {
  const { pathname, searchParams } = new URL(url);
  const names = [...new Set(searchParams.keys())];
  return names.length > 0 ? `${pathname}?${names.join("&")}` : pathname;
}

/**
 * A value as a message quotes it: a long one (a 100 kB id) is cut, its whole length said, and its control characters escaped; the
 * whole value stays on the error's fields.
 */
export function shorten(text: string, max = 120): string {
  return printable(text.length > max ? `${text.slice(0, max - 20)}…(${text.length} characters)` : text);
}

/** How a control character is written in a message: as JSON writes it. */
const ESCAPES: Record<number, string> = { 8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r" };

/** C0 and C1 controls, DEL, the line and paragraph separators, and the marks that reorder text for display. */
function isControl(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/**
 * Text with its control characters written as escapes (`\n`, `\u001b`), as a message or a log line carries a server's words: a newline
 * cannot start a forged line of the caller's log, nor an ANSI escape colour or erase one.
 */
export function printable(text: string): string {
  let result = "";
  let copied = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (!isControl(code)) continue;
    result += `${text.slice(copied, index)}${ESCAPES[code] ?? `\\u${code.toString(16).padStart(4, "0")}`}`;
    copied = index + 1;
  }
  return copied === 0 ? text : result + text.slice(copied);
}

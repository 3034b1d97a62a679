import { printable, shorten } from "./message-text.js";

/** How much of a body its summary reads: enough for an error page's title or first line, and no more however large the body. */
const SUMMARY_WINDOW = 4_096;
/** The longest summary a message quotes. */
const SUMMARY_LENGTH = 200;

/**
 * A one-line account of a body for a message: DRF's `detail`; an HTML page's `<title>`, else its first line of text; a text's first line;
 * else the start of the JSON. The whole body stays on the error: a gateway's error page is kilobytes of markup nobody reads in a log line.
 * It reads the body's first few kilobytes at most, each character a bounded number of times, so no body makes it slow.
 */
export function summarise(body: unknown): string {
  const detail = typeof body === "object" && body !== null ? (body as { detail?: unknown }).detail : undefined;
  const said = typeof detail === "string" ? oneLine(detail.slice(0, SUMMARY_WINDOW)) : "";
  if (said !== "") return said;
  const window = typeof body === "string" ? body.slice(0, SUMMARY_WINDOW) : jsonStart(body, SUMMARY_WINDOW);
  let text = /^\s*</.test(window) ? pageText(window) : window;
  if (typeof body === "string") text = text.split("\n").find((line) => line.trim() !== "") ?? "";
  text = oneLine(text);
  if (text !== "") return text;
  return typeof body === "string" && body.length > SUMMARY_WINDOW
    ? `(no text in its first ${SUMMARY_WINDOW} characters)`
    : "(empty body)";
}

/** Whitespace runs as one space, cut at the summary's length, other control characters escaped. */
function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return printable(line.length > SUMMARY_LENGTH ? `${line.slice(0, SUMMARY_LENGTH)}…` : line);
}

/**
 * The text of an HTML page: its `<title>`, else its text with each tag as a line break and scripts and styles left out. One pass of
 * `indexOf` searches that never go back: a page of unclosed tags costs what a page of text does.
 */
function pageText(page: string): string {
  const lower = page.toLowerCase();
  const title = lower.indexOf("<title");
  const open = title === -1 ? -1 : lower.indexOf(">", title);
  const close = open === -1 ? -1 : lower.indexOf("<", open);
  if (close !== -1 && lower.startsWith("</title", close)) return page.slice(open + 1, close);
  let text = "";
  let at = 0;
  while (at < page.length) {
    const tag = lower.indexOf("<", at);
    if (tag === -1) return text + page.slice(at);
    text += `${page.slice(at, tag)}\n`;
    const block = ["script", "style"].find((name) => lower.startsWith(name, tag + 1));
    const blockEnd = block ? lower.indexOf(`</${block}`, tag) : tag;
    const end = blockEnd === -1 ? -1 : lower.indexOf(">", blockEnd);
    if (end === -1) return text;
    at = end + 1;
  }
  return text;
}

/**
 * The start of a JSON value's text as `JSON.stringify` writes it, at most about `max` characters: written a value at a time from a
 * stack of its own, so that a body 20,000 levels deep cannot overflow the call stack, and a large one is not written whole.
 */
export function jsonStart(value: unknown, max: number): string {
  let text = "";
  const open: { entries: unknown[] | Record<string, unknown>; keys: string[] | undefined; next: number }[] = [];
  let pending: { value: unknown } | undefined = { value };
  while (text.length < max) {
    if (pending) {
      const current: unknown = pending.value;
      pending = undefined;
      if (Array.isArray(current)) {
        text += "[";
        open.push({ entries: current, keys: undefined, next: 0 });
      } else if (typeof current === "object" && current !== null) {
        text += "{";
        open.push({ entries: current as Record<string, unknown>, keys: Object.keys(current), next: 0 });
      } else {
        text += typeof current === "string" ? JSON.stringify(current.slice(0, max)) : String(JSON.stringify(current));
      }
      continue;
    }
    const container = open.at(-1);
    if (!container) break;
    const { entries, keys } = container;
    if (container.next === (keys ?? (entries as unknown[])).length) {
      text += keys ? "}" : "]";
      open.pop();
      continue;
    }
    if (container.next > 0) text += ",";
    const key = keys?.[container.next];
    if (key !== undefined) text += `${JSON.stringify(key.slice(0, max))}:`;
    pending = {
      value: key === undefined ? (entries as unknown[])[container.next] : (entries as Record<string, unknown>)[key],
    };
    container.next++;
  }
  return text;
}

/**
 * Items as a message lists them: each cut to its first characters, joined by `; ` up to some 1,000 characters, then how many more there
 * are. A 400 that names 50,000 fields gives a message of a line, not of megabytes; every item stays on the error's fields.
 */
export function listed(items: Iterable<string>, count: number, max = 1_000): string {
  let text = "";
  let shown = 0;
  for (const item of items) {
    if (shown > 0 && text.length >= max) break;
    text += `${shown > 0 ? "; " : ""}${shorten(item, SUMMARY_LENGTH)}`;
    shown++;
  }
  return shown < count ? `${text}; …and ${count - shown} more` : text;
}

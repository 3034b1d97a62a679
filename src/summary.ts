/**
 * A one-line account of a body for a message: DRF's `detail`; an HTML page's `<title>`, else its first line of text; a text's first line;
 * else the start of the JSON. The whole body stays on the error: a gateway's error page is kilobytes of markup nobody reads in a log line.
 */
export function summarise(body: unknown): string {
  if (typeof (body as { detail?: unknown } | null)?.detail === "string") return (body as { detail: string }).detail;
  let text = typeof body === "string" ? body : JSON.stringify(body);
  if (/^\s*</.test(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
    text = title ?? text.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, "").replace(/<[^>]*>/g, "\n");
  }
  if (typeof body === "string") text = text.split("\n").find((line) => line.trim() !== "") ?? "";
  text = text.replace(/\s+/g, " ").trim();
  return text === "" ? "(empty body)" : text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** `PATCH /customers/cus_1/`: the call as messages name it. */
export function describeCall(method: string, url: string): string {
  const { pathname, search } = new URL(url);
  return `${method} ${shorten(pathname + search)}`;
}

/** A value as a message quotes it: a long one (a 100 kB id) is cut, its whole length said; the whole value stays on the error's fields. */
export function shorten(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 20)}…(${text.length} characters)` : text;
}

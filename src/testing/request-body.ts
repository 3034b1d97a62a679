/**
 * The most bytes of a request body the fake reads: Django's `DATA_UPLOAD_MAX_MEMORY_SIZE` default
 * (2.5 MB). Piriod's docs state no limit; past this one the fake answers 413.
 */
export const DEFAULT_MAX_BODY_BYTES = 2_621_440;

/**
 * A request's body, read up to `limit` bytes: the bytes, or `undefined` past the limit, where the
 * rest is left unread (the stream is cancelled), so a body of any size costs at most `limit`.
 */
export async function readBody(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Uint8Array | undefined> {
  if (body === null) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The body's text as Django REST Framework's JSON parser decodes it: strict UTF-8, a byte-order
 * mark kept (so JSON refuses it, as Python's does), or Python's message for the first byte that is
 * no UTF-8 (`'utf-8' codec can't decode byte 0xff in position 7: invalid start byte`).
 */
export function utf8Text(bytes: Uint8Array): { text: string } | { error: string } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { error: `'utf-8' codec can't decode ${undecodable(bytes)}` };
  }
}

/** Where and why Python's UTF-8 codec stops on `bytes`, in its words: the byte, or the bytes of a sequence it could not finish. */
function undecodable(bytes: Uint8Array): string {
  const span = (at: number, count: number) =>
    count === 1
      ? `byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, "0")} in position ${at}`
      : `bytes in position ${at}-${at + count - 1}`;
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] ?? 0;
    const length = lead < 0x80 ? 1 : lead <= 0xdf ? 2 : lead <= 0xef ? 3 : 4;
    if (lead >= 0x80 && (lead < 0xc2 || lead > 0xf4)) return `${span(at, 1)}: invalid start byte`;
    for (let next = 1; next < length; next++) {
      if (at + next >= bytes.length) return `${span(at, next)}: unexpected end of data`;
      if (!continues(lead, next, bytes[at + next] ?? 0)) return `${span(at, next)}: invalid continuation byte`;
    }
    at += length;
  }
  return `${span(0, 1)}: invalid start byte`;
}

/** Whether `value` may be byte `index` of the sequence `lead` starts (the second byte's range is narrower after E0, ED, F0 and F4). */
function continues(lead: number, index: number, value: number): boolean {
  if (index === 1 && lead === 0xe0) return value >= 0xa0 && value <= 0xbf;
  if (index === 1 && lead === 0xed) return value >= 0x80 && value <= 0x9f;
  if (index === 1 && lead === 0xf0) return value >= 0x90 && value <= 0xbf;
  if (index === 1 && lead === 0xf4) return value >= 0x80 && value <= 0x8f;
  return value >= 0x80 && value <= 0xbf;
}

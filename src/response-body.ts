import { shorten } from "./message-text.js";

/**
 * How a response's bytes become its text, the same for both transports: which encodings the client asks for and reads, and which
 * charset decodes the body.
 */

/** What the client asks for in `accept-encoding`: what Node's zlib and every platform's fetch decode. */
export const ASKED_ENCODINGS = "gzip, br";

/** The `content-encoding` of a response in an encoding the client did not ask for, or `undefined` when it asked for it (or none). */
export function unaskedEncoding(contentEncoding: string | null | undefined): string | undefined {
  const encoding = (contentEncoding ?? "identity").trim().toLowerCase();
  return ["identity", "gzip", "x-gzip", "br"].includes(encoding) ? undefined : encoding;
}

/** What a message says of a response in an encoding the client did not ask for. */
export function encodingProblem(encoding: string): string {
  return `the response is encoded as ${shorten(encoding)}, which the client did not ask for`;
}

/**
 * The decoder of a body in the charset its `content-type` names (UTF-8 when it names none), or the charset's name when this platform's
 * `TextDecoder` does not know it: such a body is not decoded at all, rather than decoded wrongly. A byte-order mark is left out.
 */
export function bodyDecoder(contentType: string | null | undefined): TextDecoder | { undecodable: string } {
  const charset = charsetOf(contentType ?? "") ?? "utf-8";
  try {
    return new TextDecoder(charset);
  } catch {
    return { undecodable: charset };
  }
}

/**
 * A body's chunks (`size` bytes in all) as text, decoded in one call: a decoder fed chunk by chunk (`stream: true`) takes several
 * times as long in Node 20, some 4 times a `JSON.parse` of the same text for a body of 16 MiB.
 */
export function decodeWhole(chunks: Uint8Array[], size: number, decoder: TextDecoder): string {
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return decoder.decode(bytes);
}

/** The `charset` parameter of a media type (`application/json; charset="iso-8859-1"`), lower case, its quotes taken off. */
function charsetOf(contentType: string): string | undefined {
  for (const parameter of contentType.split(";").slice(1)) {
    const equals = parameter.indexOf("=");
    if (parameter.slice(0, equals).trim().toLowerCase() !== "charset") continue;
    const value = parameter.slice(equals + 1).trim();
    return (value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value).toLowerCase();
  }
  return undefined;
}

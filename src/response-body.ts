import { shorten } from "./summary.js";

/**
 * How a response's bytes become its text, the same for both transports: which encodings the client asks for and reads, and, in the
 * next step, which charset decodes the body.
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

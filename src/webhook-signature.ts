import { shorten } from "./message-text.js";
import { PiriodError } from "./root-errors.js";
import { PiriodWebhookSignatureError } from "./webhook-error.js";

/**
 * Piriod's webhook signature: HMAC-SHA256, keyed by the webhook's secret, over the parsed body's values as Python's `str()` writes
 * them, joined in the order of the body's keys (Piriod's guide: `''.join(map(str, payload.values()))`), as lowercase hex. Shared by
 * `verifyWebhook` and the fake's deliveries, so both sign the same text. Web Crypto only: the same code in every runtime.
 */

/** Python refuses to write an integer of more digits (`sys.int_info.default_max_str_digits`, since 3.11), so Piriod cannot sign one. */
const PYTHON_MAX_INTEGER_DIGITS = 4300;
const WHITESPACE = /[ \t\n\r]*/y;
const NUMBER = /-?(\d+)(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * The text Piriod signs for `json`, a JSON object's text that `JSON.parse` accepted. It is read from the text, not from the parsed
 * object: `JSON.parse` puts integer-like keys first and rounds big integers, where Python keeps the text's order and every digit. A
 * key written twice keeps its first place and its last value, as a Python dict does. Refuses (`unsignable`) what Python writes
 * otherwise than this can (a float's repr, a nested value's) or cannot encode (a lone surrogate, an integer over its digit limit).
 */
export function signedText(json: string): string {
  const values = new Map<string, string>();
  let at = 0;
  const skipWhitespace = () => {
    WHITESPACE.lastIndex = at;
    WHITESPACE.test(json);
    at = WHITESPACE.lastIndex;
  };
  // The text is valid JSON: a string ends at the first quote no backslash escapes.
  const readString = (): string => {
    let end = at + 1;
    while (json[end] !== '"') end += json[end] === "\\" ? 2 : 1;
    const value = JSON.parse(json.slice(at, end + 1)) as string;
    at = end + 1;
    return value;
  };
  const readValue = (key: string): string => {
    const first = json[at];
    if (first === '"') {
      const value = readString();
      if (/\p{Cs}/u.test(value)) throw unsignable(`${quoted(key)} holds a lone surrogate, which UTF-8 cannot encode`);
      return value;
    }
    for (const [literal, python] of [
      ["true", "True"],
      ["false", "False"],
      ["null", "None"],
    ] as const) {
      if (json.startsWith(literal, at)) {
        at += literal.length;
        return python;
      }
    }
    if (first === "{" || first === "[")
      throw unsignable(`${quoted(key)} is ${first === "{" ? "an object" : "a list"}: Piriod signs only flat values`);
    NUMBER.lastIndex = at;
    const [number = "", digits = "", fraction, exponent] = NUMBER.exec(json) ?? [];
    at = NUMBER.lastIndex;
    if (fraction !== undefined || exponent !== undefined)
      throw unsignable(
        `${quoted(key)} is ${shorten(number, 40)}, a float: Python's str() of a float cannot be reproduced from the JSON exactly`,
      );
    if (digits.length > PYTHON_MAX_INTEGER_DIGITS)
      throw unsignable(
        `${quoted(key)} is an integer of ${digits.length} digits: Python writes at most ${PYTHON_MAX_INTEGER_DIGITS}`,
      );
    // JSON allows no leading zeros, so only `-0` differs from what Python writes.
    return /^-0+$/.test(number) ? "0" : number;
  };

  skipWhitespace();
  at += 1; // {
  skipWhitespace();
  while (json[at] === '"') {
    const key = readString();
    skipWhitespace();
    at += 1; // :
    skipWhitespace();
    values.set(key, readValue(key));
    skipWhitespace();
    if (json[at] === ",") at += 1;
    skipWhitespace();
  }
  return [...values.values()].join("");
}

/** The HMAC-SHA256 key of a webhook's secret (its UTF-8 bytes), for signing or verifying. */
export function hmacKey(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  return webCrypto().importKey("raw", utf8(secret), { name: "HMAC", hash: "SHA-256" }, false, [usage]);
}

/** `x-piriod-signature` for `text`: the hex digest Piriod sends. */
export async function signatureOf(secret: string, text: string): Promise<string> {
  const digest = new Uint8Array(await webCrypto().sign("HMAC", await hmacKey(secret, "sign"), utf8(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Whether `signature` (64 lowercase hex digits, as Python's `hexdigest()` writes) is `text`'s: compared by Web Crypto, in constant time. */
export async function signatureMatches(secret: string, text: string, signature: string): Promise<boolean> {
  if (!/^[0-9a-f]{64}$/.test(signature)) return false;
  const bytes = new Uint8Array(32);
  for (let index = 0; index < 32; index += 1)
    bytes[index] = Number.parseInt(signature.slice(index * 2, index * 2 + 2), 16);
  return webCrypto().verify("HMAC", await hmacKey(secret, "verify"), bytes, utf8(text));
}

// Made on use, not when the module loads: an app that never signs keeps none of this module.
const utf8 = (text: string) => new TextEncoder().encode(text);

/** `crypto.subtle`: global in Node 20 and every runtime the package supports; in a browser, only on a secure (https) page. */
export function webCrypto(): SubtleCrypto {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (subtle === undefined)
    throw new PiriodError(
      "webhook signatures need Web Crypto (globalThis.crypto.subtle), which this runtime lacks: a browser has it only on https pages",
    );
  return subtle;
}

function unsignable(why: string): PiriodWebhookSignatureError {
  return new PiriodWebhookSignatureError(
    "unsignable",
    `verifyWebhook: the body cannot be signed as Piriod signs it: ${why}`,
  );
}

/** A key as a message names it; keys come from the delivery, so a long one is cut. */
function quoted(key: string): string {
  return JSON.stringify(shorten(key, 40));
}

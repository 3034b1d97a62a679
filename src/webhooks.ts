/**
 * `verifyWebhook`: a delivery of Piriod's webhooks checked against its `x-piriod-signature` and turned into its typed event. One
 * implementation for every entry point, on Web Crypto, hence async. The scheme itself is in ./webhook-signature.ts.
 */

import { shorten } from "./message-text.js";
import { PiriodError } from "./root-errors.js";
import { PiriodWebhookSignatureError, type WebhookRefusal } from "./webhook-error.js";
import { signatureMatches, signedText, webCrypto } from "./webhook-signature.js";

/**
 * A delivery's two fields, as checked here. The package exports `verifyWebhook` typed with the spec's `WebhookEvent` (the entry
 * points join the two), whose `event` offers the documented names.
 */
export interface VerifiedWebhook {
  event: string;
  object_id: string;
}

export interface VerifyWebhookInput {
  /** The body as received, its text or its bytes, unparsed: with Express, `express.raw({ type: "application/json" })`. */
  body: string | Uint8Array | ArrayBuffer;
  /**
   * The `x-piriod-signature` header as the server gives it (`request.headers["x-piriod-signature"]` in `node:http`,
   * `headers.get("x-piriod-signature")` with `fetch`'s `Request`); `undefined` or `null` when the request had none.
   */
  signature: string | readonly string[] | null | undefined;
  /** The webhook's secret, from Piriod's dashboard (`whsecret_…`). */
  secret: string;
}

/** The largest body `verifyWebhook` reads, in bytes: a delivery is two short fields, so anything near it is not Piriod's. */
export const WEBHOOK_MAX_BODY_BYTES = 16_384;

const FIELDS = ["event", "object_id"];

/** `verifyWebhook` of the package (documented where src/index.ts exports it with the spec's event type). */
export async function verifyWebhook(input: VerifyWebhookInput): Promise<VerifiedWebhook> {
  const { body, signature: header, secret } = argumentsOf(input);
  webCrypto();
  // A list is what Node's types allow for a header; Piriod sends one.
  const signature = typeof header === "string" || header?.length !== 1 ? header : header[0];
  if (signature === undefined || signature === null || signature.length === 0)
    throw refused("missing", "the request has no x-piriod-signature header");
  if (typeof signature !== "string")
    throw refused("mismatch", `the request has ${signature.length} x-piriod-signature headers, where Piriod sends one`);
  const text = bodyText(body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw refused("body", "the body is not JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw refused(
      "body",
      `the body is ${parsed === null ? "null" : Array.isArray(parsed) ? "a list" : `a ${typeof parsed}`}, not a JSON object`,
    );
  if (!(await signatureMatches(secret, signedText(text), signature)))
    throw refused(
      "mismatch",
      "the x-piriod-signature header does not match the body under this secret (another webhook's secret, or a changed body)",
    );
  // The scheme signs values without their keys, so a signature holds for any body whose values join into the same text.
  const fields = parsed as Record<string, unknown>;
  const keys = Object.keys(fields);
  if (keys.length !== FIELDS.length || !FIELDS.every((key) => typeof fields[key] === "string"))
    throw refused(
      "fields",
      `the body is signed with the secret, but a delivery holds exactly "event" and "object_id", both strings; this one has ${described(fields)}`,
    );
  return { event: fields.event as string, object_id: fields.object_id as string };
}

/** The three arguments, each checked: a mistake of the caller is a `PiriodError` naming it, never a `TypeError`. */
function argumentsOf(input: VerifyWebhookInput): VerifyWebhookInput {
  const fail = (message: string, cause?: unknown) =>
    new PiriodError(`verifyWebhook: ${message}`, cause === undefined ? undefined : { cause });
  if (typeof input !== "object" || input === null) throw fail("takes { body, signature, secret }");
  let read: VerifyWebhookInput;
  try {
    read = { body: input.body, signature: input.signature, secret: input.secret };
  } catch (error) {
    throw fail("its argument could not be read", error);
  }
  const { body, signature, secret } = read;
  if (typeof secret !== "string") throw fail(`secret must be the webhook's secret as a string, not ${kind(secret)}`);
  if (secret === "") throw fail("secret is empty: copy the webhook's secret (whsecret_…) from Piriod's dashboard");
  if (
    signature !== undefined &&
    signature !== null &&
    typeof signature !== "string" &&
    !(Array.isArray(signature) && signature.every((value) => typeof value === "string"))
  )
    throw fail(
      `signature must be the x-piriod-signature header's text (or undefined when absent), not ${kind(signature)}`,
    );
  if (typeof body !== "string" && !isBytes(body))
    throw fail(
      `body must be the raw body as received, a string or bytes, not ${kind(body)}: the signature is checked on the text, so read it unparsed (with Express, express.raw({ type: "application/json" }))`,
    );
  return read;
}

/** The body as text, within WEBHOOK_MAX_BODY_BYTES; bytes must be UTF-8, as JSON is. */
function bodyText(body: VerifyWebhookInput["body"]): string {
  const tooLarge = () =>
    refused("body", `the body is larger than ${WEBHOOK_MAX_BODY_BYTES} bytes, far more than a delivery's two fields`);
  if (typeof body === "string") {
    // A UTF-16 code unit is at least one byte of UTF-8: only a short string is worth encoding to measure.
    if (body.length > WEBHOOK_MAX_BODY_BYTES || new TextEncoder().encode(body).length > WEBHOOK_MAX_BODY_BYTES)
      throw tooLarge();
    return body;
  }
  if (body.byteLength > WEBHOOK_MAX_BODY_BYTES) throw tooLarge();
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw refused("body", "the body is not UTF-8");
  }
}

/** Bytes from any realm (a test environment's globals, a worker's): an `ArrayBuffer` or a view of one, such as a Node `Buffer`. */
function isBytes(value: unknown): value is Uint8Array | ArrayBuffer {
  return ArrayBuffer.isView(value) || Object.prototype.toString.call(value) === "[object ArrayBuffer]";
}

function refused(reason: WebhookRefusal, why: string): PiriodWebhookSignatureError {
  return new PiriodWebhookSignatureError(reason, `verifyWebhook: ${why}`);
}

/** A refused body's fields as a message names them: keys and kinds of value, never the values. */
function described(fields: Record<string, unknown>): string {
  const keys = Object.keys(fields);
  if (keys.length === 0) return "no field";
  const shown = keys.slice(0, 5).map((key) => `${JSON.stringify(shorten(key, 40))} (${kind(fields[key])})`);
  return `${shown.join(", ")}${keys.length > 5 ? ` and ${keys.length - 5} more` : ""}`;
}

/** What a value is, for a message: its type, never its content. */
function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
  return typeof value === "undefined" ? "undefined" : `a ${typeof value}`;
}

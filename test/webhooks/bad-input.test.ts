import { afterEach, describe, expect, it, vi } from "vitest";
import {
  PiriodError,
  PiriodWebhookSignatureError,
  type VerifyWebhookInput,
  verifyWebhook,
  WEBHOOK_MAX_BODY_BYTES,
} from "../../src/index.ts";
import { defined } from "../helpers/defined.ts";
import { webhookVector } from "../helpers/webhook-vectors.ts";

// What verifyWebhook makes of its caller's mistakes (a PiriodError naming the argument and the rule, never a TypeError) and of
// deliveries that cannot be Piriod's (a PiriodWebhookSignatureError, with its reason), before it signs anything.
const documented = webhookVector("documented");
const good: VerifyWebhookInput = {
  body: documented.body,
  signature: defined(documented.signature, "the documented delivery's signature"),
  secret: documented.secret,
};
const outcome = (input: unknown) =>
  verifyWebhook(input as VerifyWebhookInput).then(
    (value) => ({ resolved: value }),
    (error: unknown) => error,
  );

afterEach(() => vi.unstubAllGlobals());

describe("a caller's mistake is a PiriodError that names the argument and the rule", () => {
  const mistakes: [string, unknown, RegExp][] = [
    ["no argument", undefined, /verifyWebhook: takes \{ body, signature, secret \}/],
    ["a string for the argument", documented.body, /verifyWebhook: takes \{ body, signature, secret \}/],
    ["an empty secret", { ...good, secret: "" }, /secret is empty: copy the webhook's secret \(whsecret_…\)/],
    ["no secret", { ...good, secret: undefined }, /secret must be the webhook's secret as a string, not undefined/],
    [
      "a secret as bytes",
      { ...good, secret: new TextEncoder().encode("whsecret_x") },
      /secret must be .* not an object \(Uint8Array\)/,
    ],
    ["a secret as a number", { ...good, secret: 42 }, /secret must be .* not a number/],
    [
      "a signature as a number",
      { ...good, signature: 42 },
      /signature must be the x-piriod-signature header's text .* not a number/,
    ],
    ["a signature as a list of numbers", { ...good, signature: [42] }, /signature must be .* not a list/],
    [
      "a parsed body",
      { ...good, body: JSON.parse(documented.body) },
      /body must be the raw body as received.*express\.raw/,
    ],
    [
      "no body",
      { ...good, body: undefined },
      /body must be the raw body as received, a string or bytes, not undefined/,
    ],
    ["a body as a number", { ...good, body: 1 }, /body must be .* not a number/],
  ];

  it.each(mistakes)("%s", async (_name, input, says) => {
    const error = await outcome(input);
    expect(error).toBeInstanceOf(PiriodError);
    expect(error).not.toBeInstanceOf(PiriodWebhookSignatureError);
    expect((error as Error).message).toMatch(says);
  });

  it("an argument whose reading throws, with what it threw as the cause", async () => {
    const thrown = new Error("getter failed");
    const error = await outcome({
      ...good,
      get secret(): string {
        throw thrown;
      },
    });
    expect(error).toBeInstanceOf(PiriodError);
    expect(error).toMatchObject({ message: "verifyWebhook: its argument could not be read", cause: thrown });
  });

  it("a runtime without Web Crypto", async () => {
    vi.stubGlobal("crypto", undefined);
    const error = await outcome(good);
    expect(error).toBeInstanceOf(PiriodError);
    expect((error as Error).message).toMatch(/need Web Crypto \(globalThis\.crypto\.subtle\)/);
  });
});

describe("a delivery that cannot be Piriod's is refused before anything is signed", () => {
  const refusals: [string, Partial<Record<keyof VerifyWebhookInput, unknown>>, string, RegExp][] = [
    ["no signature", { signature: undefined }, "missing", /no x-piriod-signature header/],
    ["a null signature", { signature: null }, "missing", /no x-piriod-signature header/],
    ["an empty signature", { signature: "" }, "missing", /no x-piriod-signature header/],
    ["an empty list of signatures", { signature: [] }, "missing", /no x-piriod-signature header/],
    [
      "two signatures (the header sent twice)",
      { signature: [good.signature, good.signature] },
      "mismatch",
      /the request has 2 x-piriod-signature headers, where Piriod sends one/,
    ],
    ["a list", { body: "[]" }, "body", /the body is a list, not a JSON object/],
    ["null", { body: "null" }, "body", /the body is null, not a JSON object/],
    ["a string", { body: '"payment.createdpay_123"' }, "body", /the body is a string, not a JSON object/],
    ["an empty body", { body: "" }, "body", /the body is not JSON/],
    ["a byte-order mark", { body: `\uFEFF${documented.body}` }, "body", /the body is not JSON/],
    ["bytes that are not UTF-8", { body: new Uint8Array([0x7b, 0xff, 0x7d]) }, "body", /the body is not UTF-8/],
    [
      "a body one byte over the limit",
      { body: `${documented.body}${" ".repeat(WEBHOOK_MAX_BODY_BYTES - documented.body.length + 1)}` },
      "body",
      /larger than 16384 bytes/,
    ],
    [
      "a body whose UTF-8 is over the limit, though its length is not",
      { body: `{"event": "${"€".repeat(6000)}", "object_id": "pay_123"}` },
      "body",
      /larger than 16384 bytes/,
    ],
    [
      "bytes over the limit",
      { body: new Uint8Array(WEBHOOK_MAX_BODY_BYTES + 1).fill(0x20) },
      "body",
      /larger than 16384/,
    ],
  ];

  it.each(refusals)("%s", async (_name, changes, reason, says) => {
    const error = await outcome({ ...good, ...changes });
    expect(error).toBeInstanceOf(PiriodWebhookSignatureError);
    expect(error).toMatchObject({ reason, name: "PiriodWebhookSignatureError" });
    expect((error as Error).message).toMatch(says);
  });

  it("takes the header as Node's types give it: a list of one", async () => {
    expect(await verifyWebhook({ ...good, signature: [good.signature as string] })).toEqual({
      event: "payment.created",
      object_id: "pay_123",
    });
  });

  it("reads a body of exactly the limit, as text and as bytes", async () => {
    const body = `${documented.body}${" ".repeat(WEBHOOK_MAX_BODY_BYTES - documented.body.length)}`;
    expect(new TextEncoder().encode(body).length).toBe(WEBHOOK_MAX_BODY_BYTES);
    const event = { event: "payment.created", object_id: "pay_123" };
    expect(await verifyWebhook({ ...good, body })).toEqual(event);
    expect(await verifyWebhook({ ...good, body: new TextEncoder().encode(body).buffer })).toEqual(event);
    expect(await verifyWebhook({ ...good, body: Buffer.from(body) })).toEqual(event);
  });

  it("reads a deeply nested body in one pass and refuses it", async () => {
    const body = `{"event": ${"[".repeat(8000)}${"]".repeat(8000)}}`;
    expect(await outcome({ ...good, body })).toMatchObject({ reason: "unsignable" });
  });

  it("is a PiriodError too, named as its class", () => {
    const error = new PiriodWebhookSignatureError("mismatch", "verifyWebhook: …");
    expect(error).toBeInstanceOf(PiriodError);
    expect(error.name).toBe("PiriodWebhookSignatureError");
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "PiriodWebhookSignatureError",
      message: "verifyWebhook: …",
      reason: "mismatch",
    });
  });
});

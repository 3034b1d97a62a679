import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import * as fetchEntry from "../../src/index.ts";
import * as nodeEntry from "../../src/node.ts";
import { signatureOf, signedText } from "../../src/webhook-signature.ts";
import { renderings } from "../helpers/client-secrets.ts";
import { defined } from "../helpers/defined.ts";
import { VECTORS_FILE, type WebhookVector, webhookVector, webhookVectors } from "../helpers/webhook-vectors.ts";

// verifyWebhook against deliveries signed by Python's hmac as Piriod's guide signs them (test/webhooks/fixtures/vectors.json, made
// by the command it records). What verifyWebhook must make of each: the event, or a refusal and its reason.
const ACCEPTED: Record<string, { event: string; object_id: string }> = {
  documented: { event: "payment.created", object_id: "pay_123" },
  "documented, compact": { event: "payment.created", object_id: "pay_123" },
  "documented, spread over lines": { event: "payment.created", object_id: "pay_123" },
  "reordered keys": { event: "payment.created", object_id: "pay_123" },
  // The scheme signs values without keys: the docs warn of this one, which carries the documented delivery's signature.
  "re-split: the boundary moved": { event: "payment.createdpay_1", object_id: "23" },
  "non-ASCII text": { event: "payment.created", object_id: "pay_ñandú_€_😀" },
  "non-ASCII text as escapes": { event: "payment.created", object_id: "pay_ñandú_€_😀" },
  "escaped quotes, backslash and controls": { event: "payment.created", object_id: 'a"b\\c\nd\t\u0000/' },
  "non-ASCII secret": { event: "payment.created", object_id: "pay_123" },
  "duplicate key: first place, last value": { event: "payment.created", object_id: "pay_123" },
  "empty strings": { event: "", object_id: "" },
};
/** Signed as Python signs them, so the signature holds; but not the two string fields of a delivery. */
const SIGNED_BUT_NOT_A_DELIVERY = [
  "re-split: one key",
  "integer object_id",
  "integer object_id beyond 2**53",
  "negative zero integer",
  "null object_id",
  "booleans",
  "integer-like keys keep the text's order",
  "empty object",
  "extra field",
];
/** Values whose str() JavaScript cannot reproduce exactly from JSON (a float's repr, a nested value's) or Python cannot encode. */
const UNSIGNABLE = [
  "float object_id",
  "float with exponent",
  "integer written with an exponent",
  "nested object",
  "nested list",
  "lone surrogate",
  "integer over Python's 4300 digits",
];
const NOT_JSON = ["NaN, which Python reads and JSON does not allow"];

const ENTRIES = [
  ["the fetch entry (src/index.ts)", fetchEntry.verifyWebhook],
  ["the Node entry (src/node.ts)", nodeEntry.verifyWebhook],
] as const;

const signed = (vector: WebhookVector) => defined(vector.signature, `Python's signature of "${vector.name}"`);
const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ resolved: value }),
    (error: unknown) => error,
  );

describe("the vectors", () => {
  it("are Python's, made by the command they record, and each is expected something", () => {
    const file = JSON.parse(readFileSync(VECTORS_FILE, "utf8")) as { command: string; python: string };
    expect(file.command).toBe("python3 test/webhooks/fixtures/make-vectors.py > test/webhooks/fixtures/vectors.json");
    expect(file.python).toMatch(/^3\.\d+\.\d+$/);
    const expected = [...Object.keys(ACCEPTED), ...SIGNED_BUT_NOT_A_DELIVERY, ...UNSIGNABLE, ...NOT_JSON].sort();
    expect(webhookVectors.map((vector) => vector.name).sort()).toEqual(expected);
  });

  it("show the scheme's weakness: re-splitting the documented values keeps the documented signature", () => {
    const documented = signed(webhookVector("documented"));
    expect(signed(webhookVector("re-split: one key"))).toBe(documented);
    expect(signed(webhookVector("re-split: the boundary moved"))).toBe(documented);
    expect(webhookVector("documented").signed).toBe("payment.createdpay_123");
  });
});

describe("Piriod's signed text, built from the body's text", () => {
  const signable = webhookVectors.filter(
    (vector) => !UNSIGNABLE.includes(vector.name) && !NOT_JSON.includes(vector.name),
  );

  it.each(signable.map((vector) => [vector.name, vector] as const))("is Python's for %s", (_name, vector) => {
    expect(signedText(vector.body)).toBe(vector.signed);
  });

  it.each(signable.map((vector) => [vector.name, vector] as const))(
    "signs as Python's hmac does for %s",
    async (_name, vector) => {
      expect(await signatureOf(vector.secret, defined(vector.signed, "the signed text"))).toBe(vector.signature);
    },
  );
});

describe.each(ENTRIES)("verifyWebhook from %s", (_entry, verifyWebhook) => {
  const verify = (vector: WebhookVector, changes: { body?: string; signature?: string; secret?: string } = {}) =>
    verifyWebhook({
      body: vector.body,
      secret: vector.secret,
      ...changes,
      signature: changes.signature ?? signed(vector),
    });

  it.each(Object.entries(ACCEPTED))("resolves %s to its event", async (name, event) => {
    const vector = webhookVector(name);
    expect(await verify(vector)).toEqual(event);
    // The same delivery as bytes, as a server reads it.
    expect(await verify(vector, { body: new TextEncoder().encode(vector.body) as never })).toEqual(event);
  });

  it.each(SIGNED_BUT_NOT_A_DELIVERY)("verifies the signature of %s, then refuses its fields", async (name) => {
    const refusal = await refusalOf(verify(webhookVector(name)));
    expect(refusal).toBeInstanceOf(fetchEntry.PiriodWebhookSignatureError);
    expect(refusal).toMatchObject({ reason: "fields" });
    expect((refusal as Error).message).toMatch(
      /signed with the secret, but a delivery holds exactly "event" and "object_id"/,
    );
  });

  it.each(UNSIGNABLE)("refuses %s as a body it cannot sign as Piriod does", async (name) => {
    const vector = webhookVector(name);
    // Python's own signature where it could make one; else the documented delivery's, which it cannot be either.
    const signature = vector.signature ?? signed(webhookVector("documented"));
    const refusal = await refusalOf(verify(vector, { signature }));
    expect(refusal).toBeInstanceOf(fetchEntry.PiriodWebhookSignatureError);
    expect(refusal).toMatchObject({ reason: "unsignable" });
  });

  it.each(NOT_JSON)("refuses %s as a body that is not JSON", async (name) => {
    expect(await refusalOf(verify(webhookVector(name)))).toMatchObject({
      reason: "body",
      message: expect.stringMatching(/not JSON/),
    });
  });

  describe("refuses a tampered delivery as a mismatch", () => {
    const documented = webhookVector("documented");
    const tampered: Record<string, { body?: string; signature?: string; secret?: string }> = {
      "another object_id": { body: documented.body.replace("pay_123", "pay_124") },
      "another event": { body: documented.body.replace("payment.created", "payment.deleted") },
      "the keys swapped, which changes the signed text": { body: webhookVector("reordered keys").body },
      "a character of the signature changed": {
        signature: `${signed(documented).slice(0, 63)}${signed(documented).endsWith("0") ? "1" : "0"}`,
      },
      "the signature in capitals, which Python's hexdigest never writes": {
        signature: signed(documented).toUpperCase(),
      },
      "the signature with a space": { signature: ` ${signed(documented)}` },
      "the signature cut short": { signature: signed(documented).slice(0, 62) },
      "another webhook's secret": { secret: `${documented.secret}x` },
      "the non-ASCII secret's signature": { signature: signed(webhookVector("non-ASCII secret")) },
    };
    it.each(Object.entries(tampered))("%s", async (_name, changes) => {
      const refusal = await refusalOf(verify(documented, changes));
      expect(refusal).toBeInstanceOf(fetchEntry.PiriodWebhookSignatureError);
      expect(refusal).toMatchObject({ reason: "mismatch" });
    });
  });

  it("compares with crypto.subtle.verify, given the signature's bytes", async () => {
    const documented = webhookVector("documented");
    const original = crypto.subtle.verify.bind(crypto.subtle);
    const seen: Uint8Array[] = [];
    const spy = vi.spyOn(crypto.subtle, "verify").mockImplementation((algorithm, key, signature, data) => {
      seen.push(new Uint8Array(signature as ArrayBuffer));
      return original(algorithm, key, signature, data);
    });
    try {
      await verify(documented);
    } finally {
      spy.mockRestore();
    }
    expect(seen.map((bytes) => Buffer.from(bytes).toString("hex"))).toEqual([signed(documented)]);
  });

  it("shows neither the secret nor the expected signature in any refusal", async () => {
    const refusals = await Promise.all(
      webhookVectors.flatMap((vector) => {
        if (vector.name in ACCEPTED) return [];
        const signature = vector.signature ?? signed(webhookVector("documented"));
        return [refusalOf(verify(vector, { signature })), refusalOf(verify(vector, { signature: "0".repeat(64) }))];
      }),
    );
    expect(refusals.length).toBeGreaterThan(20);
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(fetchEntry.PiriodWebhookSignatureError);
      for (const [how, text] of Object.entries(renderings(refusal))) {
        for (const vector of webhookVectors) {
          expect(text, how).not.toContain(vector.secret);
          if (vector.signature) expect(text, how).not.toContain(vector.signature);
        }
      }
    }
  });
});

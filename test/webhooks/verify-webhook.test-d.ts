import type { IncomingHttpHeaders } from "node:http";
import { describe, expectTypeOf, it } from "vitest";
import { type VerifyWebhookInput, verifyWebhook, type WebhookEvent } from "../../src/index.ts";

describe("verifyWebhook's types", () => {
  it("resolves to the event: the documented name offered, any other name allowed, the object's id a string", () => {
    expectTypeOf(verifyWebhook).returns.resolves.toEqualTypeOf<WebhookEvent>();
    expectTypeOf<"payment.created">().toExtend<WebhookEvent["event"]>();
    expectTypeOf<string>().toExtend<WebhookEvent["event"]>();
    expectTypeOf<WebhookEvent["object_id"]>().toEqualTypeOf<string>();
    expectTypeOf<keyof WebhookEvent>().toEqualTypeOf<"event" | "object_id">();
  });

  it("takes the raw body as text or bytes, and a header that may be absent", () => {
    expectTypeOf<{ body: Uint8Array; signature: undefined; secret: string }>().toExtend<VerifyWebhookInput>();
    expectTypeOf<{ body: ArrayBuffer; signature: string | null; secret: string }>().toExtend<VerifyWebhookInput>();
    // node:http's header, as it comes: a string, a list or nothing.
    expectTypeOf<{
      body: Buffer;
      signature: IncomingHttpHeaders[string];
      secret: string;
    }>().toExtend<VerifyWebhookInput>();
    // A parsed body is refused: the signature is checked on the text.
    expectTypeOf<{ body: { event: string }; signature: string; secret: string }>().not.toExtend<VerifyWebhookInput>();
  });
});

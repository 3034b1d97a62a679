import type { IncomingHttpHeaders } from "node:http";
import { describe, expectTypeOf, it } from "vitest";
import {
  type components,
  type VerifyWebhookInput,
  verifyWebhook,
  type WebhookEvent,
  type webhooks,
} from "../../src/index.ts";

describe("verifyWebhook's types", () => {
  it("resolves to the event: the documented name offered, any other name allowed, the object's id a string", () => {
    expectTypeOf(verifyWebhook).returns.resolves.toEqualTypeOf<WebhookEvent>();
    // The spec's type: the webhook's body schema, whose open string the generator types for completion.
    expectTypeOf<WebhookEvent>().toEqualTypeOf<components["schemas"]["WebhookEvent"]>();
    expectTypeOf<WebhookEvent>().toEqualTypeOf<
      webhooks["event"]["post"]["requestBody"]["content"]["application/json"]
    >();
    expectTypeOf<WebhookEvent["event"]>().toEqualTypeOf<"payment.created" | (string & {})>();
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

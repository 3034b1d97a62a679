import { describe, expect, it } from "vitest";
import { operations } from "../../generated/operations.js";
import { verifyWebhook } from "../../src/index.ts";
import { valueAt } from "../helpers/conformance-schemas.ts";
import { defined } from "../helpers/defined.ts";
import { fakeAndClient, send } from "../helpers/fake-client.ts";
import { headerParameters, specOperations, specWebhooks } from "../helpers/operations-of-spec.ts";
import { bundledSpec } from "../helpers/spec-examples.ts";
import { webhookVector } from "../helpers/webhook-vectors.ts";

/**
 * The event names Piriod's docs show: `payment.created`, in the guide's page on verifying a signature
 * (docs.piriod.com/guide/desarrolladores/webhooks/verificar-firma), and no other on any page. The spec may offer no name beyond
 * these: a name it offers is one a consumer's editor completes, and one Piriod may never send.
 */
const DOCUMENTED_EVENTS = ["payment.created"];

interface Schema {
  type?: string;
  const?: string;
  anyOf?: Schema[];
  required?: string[];
  additionalProperties?: boolean;
  properties?: Record<string, Schema>;
}

const [webhook, ...otherWebhooks] = specWebhooks();
const event = defined(webhook, "the spec's webhook");
const post = bundledSpec.webhooks?.[event.path]?.post;
const body = defined(event.requestBody, "the webhook's body");
const bodySchema = valueAt(bundledSpec, defined(body.schemaPointer, "the webhook's body schema")) as Schema;
const documented = webhookVector("documented");

describe("the spec's webhook", () => {
  it("is Piriod's one delivery: a POST with no API token, the signature header, the two-field body", () => {
    expect(otherWebhooks).toEqual([]);
    expect(event.method).toBe("post");
    expect(post.security).toEqual([]);
    expect(event.apiKeyHeaders).toEqual([]);
    expect(headerParameters(event)).toEqual([
      expect.objectContaining({
        name: "x-piriod-signature",
        required: true,
        schema: { type: "string", pattern: "^[0-9a-f]{64}$" },
      }),
    ]);
    expect(post.requestBody.required).toBe(true);
    // A component, so the package exports its type under its name, which verifyWebhook resolves to.
    expect(body.schema).toBe("WebhookEvent");
    expect(bodySchema).toMatchObject({
      type: "object",
      required: ["event", "object_id"],
      additionalProperties: false,
    });
    expect(Object.keys(bodySchema.properties ?? {})).toEqual(["event", "object_id"]);
    expect(bodySchema.properties?.object_id).toMatchObject({ type: "string" });
  });

  it("says what Piriod expects of the answer: a 2xx within 6 seconds, and when it disables a webhook", () => {
    expect(event.responses.map((response) => response.status)).toContain("2XX");
    const description = String(post.description).replace(/\s+/g, " ");
    expect(description).toContain("any `2xx` within 6 seconds");
    expect(description).toContain("`3xx` included, is a failed delivery");
    expect(description).toContain(
      "When the last 3 deliveries to a webhook failed with the same status, Piriod disables",
    );
    expect(description).toContain("Piriod does not document whether or when it retries");
  });

  it("offers for completion exactly the event names Piriod's docs show, and takes any other name", () => {
    const alternatives = defined(bodySchema.properties?.event?.anyOf, "the alternatives of event");
    expect(bodySchema.properties?.event?.type).toBe("string");
    expect(alternatives.flatMap((alternative) => (alternative.const === undefined ? [] : [alternative.const]))).toEqual(
      DOCUMENTED_EVENTS,
    );
    // Any other name: Piriod publishes no catalogue, so one it sends must not be refused.
    expect(alternatives.filter((alternative) => alternative.const === undefined)).toEqual([
      expect.objectContaining({ type: "string" }),
    ]);
  });

  it("shows the documented delivery, signed as Python signs it, which verifyWebhook accepts", async () => {
    expect(body.examples).toEqual([JSON.parse(documented.body)]);
    const signature = defined(headerParameters(event)[0], "the signature header").example;
    expect(signature).toBe(documented.signature);
    await expect(
      verifyWebhook({
        body: JSON.stringify(body.examples[0]),
        signature: String(signature),
        secret: documented.secret,
      }),
    ).resolves.toEqual(body.examples[0]);
  });

  it("stays out of the API's operations: the suites', the operation table, the client's methods and the fake's routes", async () => {
    expect(specOperations().map((operation) => operation.operationId)).not.toContain(event.operationId);
    const table = Object.values(operations).flatMap((resource) => Object.values(resource));
    expect(table.map((operation) => operation.path)).not.toContain(event.path);
    expect(table.length).toBe(specOperations().length);
    const { fake, piriod } = fakeAndClient();
    expect(Object.keys(piriod)).toContain("customers");
    expect(Object.keys(piriod)).not.toContain("webhooks");
    for (const path of [`/${event.path}`, `/${event.path}/`]) {
      const answer = await send(fake, path, { method: "POST", body: body.examples[0] });
      expect(answer.status).toBe(404);
    }
  });
});

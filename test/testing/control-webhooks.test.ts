import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhook } from "../../src/index.js";
import type { FakeServer } from "../../src/testing/http-server.js";
import { createPiriodFake } from "../../src/testing/index.js";

// Webhooks through the fake's control API, as a test in another process drives them: register an endpoint by its URL, send an
// event, read the deliveries, enable a disabled webhook. The endpoint is a local server that records what it receives.
const SECRET = "whsecret_control";
const received: { signature: string; body: string }[] = [];
let endpoint: Server;
let endpointUrl: string;
let status = 200;
const fake = createPiriodFake();
let server: FakeServer;

const control = (name: string, body?: unknown) =>
  fetch(`${server.url}/__piriod-fake/${name}`, {
    method: body === undefined && name === "webhooks/deliveries" ? "GET" : "POST",
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  endpoint = createServer((request: IncomingMessage, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    request.on("end", () => {
      received.push({ signature: String(request.headers["x-piriod-signature"]), body });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => endpoint.listen(0, "127.0.0.1", resolve));
  endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/hooks`;
  server = await fake.listen(0);
});

afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => endpoint?.close(resolve));
});

describe("the control API's webhooks", () => {
  it("registers a URL, sends it a signed event, and lists the delivery", async () => {
    const registered = await control("webhooks", { url: endpointUrl, secret: SECRET });
    expect(registered.status).toBe(201);
    expect(await registered.json()).toMatchObject({ id: 1, url: endpointUrl, enabled: true });

    const sent = await control("webhooks/send", { event: "payment.created", object_id: "pay_123" });
    expect(sent.status).toBe(200);
    expect(await sent.json()).toMatchObject([{ webhook: 1, outcome: "delivered", status: 200 }]);
    const [delivery] = received;
    expect(
      await verifyWebhook({ body: delivery?.body ?? "", signature: delivery?.signature ?? "", secret: SECRET }),
    ).toEqual({ event: "payment.created", object_id: "pay_123" });

    const deliveries = await control("webhooks/deliveries");
    expect(
      (await deliveries.json()).map(({ event, objectId }: { event: string; objectId: string }) => event + objectId),
    ).toEqual(["payment.createdpay_123"]);
  });

  it("disables after three deliveries with the same failing status, and enables again", async () => {
    status = 500;
    for (let attempt = 0; attempt < 3; attempt++)
      await control("webhooks/send", { event: "payment.created", object_id: "pay_1" });
    const skipped = await control("webhooks/send", { event: "payment.created", object_id: "pay_2" });
    expect(await skipped.json()).toEqual([]);
    status = 200;
    expect((await control("webhooks/enable", { id: 1 })).status).toBe(204);
    const again = await control("webhooks/send", { event: "payment.created", object_id: "pay_3" });
    expect(await again.json()).toMatchObject([{ webhook: 1, outcome: "delivered" }]);
  });

  it("answers 400 naming the rule for a registration without a URL or with an empty secret", async () => {
    const noUrl = await control("webhooks", { secret: SECRET });
    expect([noUrl.status, (await noUrl.json()).detail]).toEqual([400, expect.stringContaining('"url"')]);
    const noSecret = await control("webhooks", { url: endpointUrl, secret: "" });
    expect([noSecret.status, (await noSecret.json()).detail]).toEqual([400, expect.stringContaining("secret")]);
  });

  it("answers 400 naming the fields as sent over HTTP for a body it cannot follow, and stores nothing", async () => {
    const refusal = async (name: string, body: unknown) => {
      const response = await control(name, body);
      return [response.status, (await response.json()).detail];
    };
    const before = fake.webhooks.deliveries.length;
    expect(await refusal("webhooks", { url: endpointUrl, secret: SECRET, handler: "x" })).toEqual([
      400,
      'webhooks takes { "url": "http://…", "secret": "whsecret_…", "events"?: [...] }, without "handler"',
    ]);
    expect(await refusal("webhooks/send", { event: "payment.created", objectId: "pay_1" })).toEqual([
      400,
      'webhooks/send takes { "event": "payment.created", "object_id": "pay_123" }, without "objectId"',
    ]);
    expect(await refusal("webhooks/send", { event: "payment.created" })).toEqual([
      400,
      'webhooks/send takes { "event": "payment.created", "object_id": "pay_123" }: object_id must be the id of the object the event is about',
    ]);
    expect(await refusal("webhooks/enable", {})).toEqual([
      400,
      'webhooks/enable takes { "id": 1 }, the id its registration answered',
    ]);
    expect(await refusal("webhooks/send", [])).toEqual([
      400,
      'webhooks/send takes { "event": "payment.created", "object_id": "pay_123" }',
    ]);
    expect(fake.webhooks.deliveries.length).toBe(before);
  });
});

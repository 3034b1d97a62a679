import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PiriodError, verifyWebhook } from "../../src/index.ts";
import { createPiriodFake, type FakeWebhookOptions } from "../../src/testing/index.ts";
import { defined } from "../helpers/defined.ts";
import { type FaultServer, reply, startFaultServer } from "../helpers/http-fault-server.ts";
import { webhookVector } from "../helpers/webhook-vectors.ts";

// The fake's webhooks: deliveries POSTed and signed as Piriod signs them, to a server on 127.0.0.1 or to a handler, recorded with
// their outcome; a webhook disabled after the same failing status on its last 3 deliveries. Event names other than Piriod's
// documented "payment.created" below are the tests' own (a webhook's `events` filter needs a second name).
const documented = webhookVector("documented");
const SECRET = documented.secret;
const OTHER_EVENT = "test.unlisted";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.received.length = 0;
  server.answer(reply(200, ""));
  vi.useRealTimers();
});

const answering = (...statuses: number[]) => {
  const answers = [...statuses];
  return () => new Response(null, { status: answers.length > 1 ? answers.shift() : answers[0] });
};

describe("a delivery to a URL", () => {
  it("is a POST of the event and the object's id as JSON, signed as Piriod signs it", async () => {
    const fake = createPiriodFake();
    fake.webhooks.register({ url: `${server.url}/webhooks/piriod`, secret: SECRET });

    const [delivery] = await fake.webhooks.send("payment.created", "pay_123");

    const [received] = server.received;
    expect(received).toMatchObject({ method: "POST", url: "/webhooks/piriod" });
    expect(received?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(defined(received, "the request").body)).toEqual({
      event: "payment.created",
      object_id: "pay_123",
    });
    // Python's hmac signed this delivery's values with this secret in test/webhooks/fixtures/vectors.json.
    expect(received?.headers["x-piriod-signature"]).toBe(documented.signature);
    expect(delivery).toEqual({
      webhook: 1,
      url: `${server.url}/webhooks/piriod`,
      event: "payment.created",
      objectId: "pay_123",
      body: defined(received, "the request").body,
      signature: documented.signature,
      outcome: "delivered",
      status: 200,
      disabled: false,
    });
    expect(fake.webhooks.deliveries).toEqual([delivery]);
  });

  it("verifies with verifyWebhook, whatever the object's id", async () => {
    const fake = createPiriodFake();
    fake.webhooks.register({ url: server.url, secret: SECRET });
    for (const objectId of ["pay_01H8XYZ123ABC", "pay_ñandú_😀", "42", 'a"b\\c'])
      await fake.webhooks.send("payment.created", objectId);
    const verified = await Promise.all(
      server.received.map(({ body, headers }) =>
        verifyWebhook({ body, signature: headers["x-piriod-signature"] as string, secret: SECRET }),
      ),
    );
    expect(verified.map(({ object_id }) => object_id)).toEqual(["pay_01H8XYZ123ABC", "pay_ñandú_😀", "42", 'a"b\\c']);
  });

  it("fails on any status outside 2xx, a redirect included, which it does not follow", async () => {
    const fake = createPiriodFake();
    fake.webhooks.register({ url: server.url, secret: SECRET });
    server.answer(reply(302, "", { location: `${server.url}/elsewhere` }), reply(404, ""), reply(204, ""));
    const outcomes = [];
    for (let sent = 0; sent < 3; sent += 1) outcomes.push(...(await fake.webhooks.send("payment.created", "pay_123")));
    expect(outcomes.map(({ outcome, status }) => [outcome, status])).toEqual([
      ["failed", 302],
      ["failed", 404],
      ["delivered", 204],
    ]);
    expect(server.received.map(({ url }) => url)).toEqual(["/", "/", "/"]);
  });

  it("is unreachable, with no status, when nothing listens", async () => {
    // A port that was free a moment ago, and that nothing listens on now.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const fake = createPiriodFake();
    fake.webhooks.register({ url: `http://127.0.0.1:${port}/`, secret: SECRET });
    const [delivery] = await fake.webhooks.send("payment.created", "pay_123");
    expect(delivery).toMatchObject({ outcome: "unreachable", error: expect.stringMatching(/ECONNREFUSED/) });
    expect(delivery).not.toHaveProperty("status");
  });

  it("times out after webhookTimeoutMs with no status", async () => {
    const fake = createPiriodFake({ webhookTimeoutMs: 100 });
    fake.webhooks.register({ url: server.url, secret: SECRET });
    server.answer((_response, _request, later) => later(5_000, () => {}));
    const [delivery] = await fake.webhooks.send("payment.created", "pay_123");
    expect(delivery).toMatchObject({ outcome: "timeout", disabled: false });
    expect(delivery).not.toHaveProperty("status");
  });
});

describe("a delivery to a handler", () => {
  it("is the same signed request, to the handler's URL, with no socket", async () => {
    const fake = createPiriodFake();
    const received: Request[] = [];
    fake.webhooks.register({
      url: "https://example.com/hooks",
      secret: SECRET,
      handler: (request) => {
        received.push(request);
        return new Response(null, { status: 204 });
      },
    });
    const [delivery] = await fake.webhooks.send("payment.created", "pay_123");
    const request = defined(received[0], "the handler's request");
    expect([request.method, request.url, request.headers.get("content-type")]).toEqual([
      "POST",
      "https://example.com/hooks",
      "application/json",
    ]);
    expect(
      await verifyWebhook({
        body: await request.text(),
        signature: request.headers.get("x-piriod-signature"),
        secret: SECRET,
      }),
    ).toEqual({ event: "payment.created", object_id: "pay_123" });
    expect(delivery).toMatchObject({ outcome: "delivered", status: 204, url: "https://example.com/hooks" });
    expect(server.received).toEqual([]);
  });

  it("is sent to http://localhost/ when no URL is given", async () => {
    const fake = createPiriodFake();
    const urls: string[] = [];
    fake.webhooks.register({
      secret: SECRET,
      handler: (request) => {
        urls.push(request.url);
        return new Response("ok");
      },
    });
    await fake.webhooks.send("payment.created", "pay_123");
    expect(urls).toEqual(["http://localhost/"]);
  });

  it("is unreachable when the handler throws or answers no Response", async () => {
    const fake = createPiriodFake();
    fake.webhooks.register({
      secret: SECRET,
      handler: () => {
        throw new Error("handler broke");
      },
    });
    fake.webhooks.register({ secret: SECRET, handler: () => "ok" as unknown as Response });
    const deliveries = await fake.webhooks.send("payment.created", "pay_123");
    expect(deliveries.map(({ outcome, error }) => [outcome, error])).toEqual([
      ["unreachable", "handler broke"],
      ["unreachable", 'the handler returned "ok", not a Response'],
    ]);
  });

  it("times out after Piriod's 6 seconds by default, and its request is aborted then", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const fake = createPiriodFake();
    let signal: AbortSignal | undefined;
    let handled = () => {};
    const called = new Promise<void>((resolve) => {
      handled = resolve;
    });
    fake.webhooks.register({
      secret: SECRET,
      handler: (request) => {
        signal = request.signal;
        handled();
        return new Promise<Response>(() => {});
      },
    });
    let settled = false;
    const sent = fake.webhooks.send("payment.created", "pay_123").finally(() => {
      settled = true;
    });
    // Signing takes Web Crypto's own time, which no fake timer moves: the clock starts once the handler has the request.
    await called;
    await vi.advanceTimersByTimeAsync(5_999);
    expect([settled, signal?.aborted]).toEqual([false, false]);
    await vi.advanceTimersByTimeAsync(1);
    expect((await sent).map(({ outcome }) => outcome)).toEqual(["timeout"]);
    expect(signal?.aborted).toBe(true);
  });
});

describe("which webhooks get an event", () => {
  it("every enabled one that takes it, in the order registered, each with its own secret", async () => {
    const fake = createPiriodFake();
    const calls: string[] = [];
    const handler = (name: string) => () => {
      calls.push(name);
      return new Response(null);
    };
    fake.webhooks.register({ secret: SECRET, handler: handler("all") });
    fake.webhooks.register({ secret: "whsecret_other", handler: handler("payments"), events: ["payment.created"] });
    fake.webhooks.register({ secret: SECRET, handler: handler("others"), events: [OTHER_EVENT] });

    const payments = await fake.webhooks.send("payment.created", "pay_123");
    const others = await fake.webhooks.send(OTHER_EVENT, "obj_1");

    expect(payments.map(({ webhook }) => webhook)).toEqual([1, 2]);
    expect(others.map(({ webhook }) => webhook)).toEqual([1, 3]);
    // The webhooks of one event are delivered at once, so their handlers run in the order their signatures are ready.
    expect([calls.slice(0, 2).sort(), calls.slice(2).sort()]).toEqual([
      ["all", "payments"],
      ["all", "others"],
    ]);
    expect(payments[1]?.signature).not.toBe(payments[0]?.signature);
    expect(fake.webhooks.deliveries.map(({ webhook, event }) => `${webhook} ${event}`)).toEqual([
      "1 payment.created",
      "2 payment.created",
      `1 ${OTHER_EVENT}`,
      `3 ${OTHER_EVENT}`,
    ]);
  });

  it("none, and no delivery recorded, when no webhook is registered", async () => {
    const fake = createPiriodFake();
    expect(await fake.webhooks.send("payment.created", "pay_123")).toEqual([]);
    expect(fake.webhooks.deliveries).toEqual([]);
  });

  it("none after the fake's reset, which forgets webhooks and deliveries", async () => {
    const fake = createPiriodFake();
    fake.webhooks.register({ secret: SECRET, handler: () => new Response(null) });
    await fake.webhooks.send("payment.created", "pay_123");
    fake.reset();
    expect(fake.webhooks.deliveries).toEqual([]);
    expect(await fake.webhooks.send("payment.created", "pay_123")).toEqual([]);
  });

  it("never on the fake's own account: changing customers sends nothing", async () => {
    const fake = createPiriodFake({ examples: true });
    const calls: Request[] = [];
    fake.webhooks.register({
      secret: SECRET,
      handler: (request) => {
        calls.push(request);
        return new Response(null);
      },
    });
    await fake.fetch("https://api.piriod.com/customers/cus_01H8XYZ123ABC/", {
      method: "DELETE",
      headers: { authorization: "Token sk_test", "x-simple-workspace": "acc_01H8XYZ123ABC" },
    });
    expect(fake.requests.map(({ status }) => status)).toEqual([204]);
    expect([calls, fake.webhooks.deliveries]).toEqual([[], []]);
  });
});

describe("disabling", () => {
  const outcomesOf = async (options: Partial<FakeWebhookOptions>, statuses: number[], sends: number) => {
    const fake = createPiriodFake({ webhookTimeoutMs: 50 });
    const webhook = fake.webhooks.register({ secret: SECRET, handler: answering(...statuses), ...options });
    const seen: string[] = [];
    for (let sent = 0; sent < sends; sent += 1) {
      const [delivery] = await fake.webhooks.send("payment.created", "pay_123");
      seen.push(delivery ? `${delivery.status ?? delivery.outcome}${delivery.disabled ? " disabled" : ""}` : "nothing");
    }
    return { seen, webhook, fake };
  };

  it("happens on the third delivery in a row that fails with the same status; then nothing is delivered", async () => {
    const { seen, webhook } = await outcomesOf({}, [500, 500, 500, 200], 5);
    expect(seen).toEqual(["500", "500", "500 disabled", "nothing", "nothing"]);
    expect(webhook.enabled).toBe(false);
  });

  it("counts a 3xx as a failing status", async () => {
    expect((await outcomesOf({}, [301, 301, 301], 3)).seen).toEqual(["301", "301", "301 disabled"]);
  });

  it("needs the same status three times: different failures, or a success between, do not disable", async () => {
    expect((await outcomesOf({}, [500, 502, 500, 500, 404, 404, 200, 404, 404], 9)).seen).toEqual([
      "500",
      "502",
      "500",
      "500",
      "404",
      "404",
      "200",
      "404",
      "404",
    ]);
  });

  it("never follows timeouts, which have no status to repeat", async () => {
    const { seen, webhook } = await outcomesOf({ handler: () => new Promise<Response>(() => {}) }, [], 4);
    expect(seen).toEqual(["timeout", "timeout", "timeout", "timeout"]);
    expect(webhook.enabled).toBe(true);
  });

  it("lasts until enable, which starts the count afresh", async () => {
    const { fake, webhook } = await outcomesOf({}, [503], 3);
    expect(webhook.enabled).toBe(false);
    fake.webhooks.enable(webhook);
    expect(webhook.enabled).toBe(true);
    const after = [];
    for (let sent = 0; sent < 3; sent += 1) after.push(...(await fake.webhooks.send("payment.created", "pay_123")));
    expect(after.map(({ status, disabled }) => `${status}${disabled ? " disabled" : ""}`)).toEqual([
      "503",
      "503",
      "503 disabled",
    ]);
    fake.webhooks.enable(webhook.id);
    expect(webhook.enabled).toBe(true);
  });
});

describe("bad input is a PiriodError that names the option and the rule", () => {
  const handler = () => new Response(null);
  const registrations: [string, unknown, RegExp][] = [
    ["nothing", undefined, /webhooks\.register: takes \{ url, secret, events\? \}/],
    ["no url and no handler", { secret: SECRET }, /give the url to POST deliveries to, or a handler/],
    [
      "a relative url",
      { url: "/webhooks", secret: SECRET },
      /url must be an absolute http or https URL, not "\/webhooks"/,
    ],
    [
      "a url of another scheme",
      { url: "ftp://example.com/", secret: SECRET },
      /url must be an absolute http or https URL/,
    ],
    [
      "no secret",
      { url: server?.url ?? "http://127.0.0.1/", secret: undefined },
      /secret must be the webhook's secret, a non-empty string/,
    ],
    ["an empty secret", { handler, secret: "" }, /secret must be .* not ""/],
    ["a handler that is no function", { handler: "https://example.com", secret: SECRET }, /handler must be a function/],
    [
      "events that are no list",
      { handler, secret: SECRET, events: "payment.created" },
      /events must be a list of events' names/,
    ],
    ["an empty event name", { handler, secret: SECRET, events: [""] }, /events must be a list/],
    [
      "an unknown option",
      { handler, secret: SECRET, event: ["payment.created"] },
      /unknown option "event"; the options are url, handler, secret, events/,
    ],
  ];
  it.each(registrations)("register: %s", (_name, options, says) => {
    const fake = createPiriodFake();
    expect(() => fake.webhooks.register(options as FakeWebhookOptions)).toThrow(PiriodError);
    expect(() => fake.webhooks.register(options as FakeWebhookOptions)).toThrow(says);
  });

  it.each([
    [
      "no event",
      [undefined, "pay_123"],
      /send: event must be an event's name, such as "payment.created", not undefined/,
    ],
    ["an empty event", ["", "pay_123"], /send: event must be/],
    [
      "an object id that is a number",
      ["payment.created", 123],
      /send: objectId must be the id of the object .* not 123/,
    ],
  ] as const)("send: %s", async (_name, [event, objectId], says) => {
    const fake = createPiriodFake();
    const error = await fake.webhooks.send(event as string, objectId as string).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PiriodError);
    expect((error as Error).message).toMatch(says);
  });

  it("enable: a webhook that is not registered", () => {
    const fake = createPiriodFake();
    fake.webhooks.register({ handler, secret: SECRET });
    expect(() => fake.webhooks.enable(7)).toThrow(/webhooks\.enable: no webhook 7; the registered ones are 1/);
  });

  it.each([0, -1, 6_001, Number.NaN, "100"])("createPiriodFake: webhookTimeoutMs %s", (timeoutMs) => {
    expect(() => createPiriodFake({ webhookTimeoutMs: timeoutMs as number })).toThrow(
      /webhookTimeoutMs must be a number of milliseconds above 0 and at most Piriod's 6000/,
    );
  });
});

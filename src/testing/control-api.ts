import { PiriodError } from "../root-errors.js";
import { json } from "./answer.js";
import type { FakeFault } from "./faults.js";
import type { Peer } from "./http-server.js";
import { readBody, utf8Text } from "./request-body.js";
import type { FakeSpace } from "./space.js";
import type { FakeWebhooks } from "./webhooks.js";

/** Where the control API lives, at the server's root whatever the fake's base URL. */
export const CONTROL_PATH = "/__piriod-fake/";

/** What the control API drives: the fake's own methods. */
export interface Controlled {
  seed(objects: object, where?: FakeSpace): unknown;
  failNext(operation: string, fault: FakeFault): void;
  reset(): void;
  readonly requests: readonly unknown[];
  readonly webhooks: FakeWebhooks;
}

/** The control API's endpoints: each method and path under CONTROL_PATH, what it does for `fake`. */
const ENDPOINTS: Record<
  string,
  { method: string; serve: (fake: Controlled, body: unknown, where: FakeSpace) => Response | Promise<Response> }
> = {
  seed: {
    method: "POST",
    serve: (fake, body, where) => json(201, fake.seed(body as object, where)),
  },
  "fail-next": {
    method: "POST",
    serve: (fake, body) => {
      const { operation, ...fault } = (body ?? {}) as { operation?: unknown };
      if (typeof operation !== "string")
        throw new PiriodError('fail-next takes { "operation": "customers.list", …the fault }');
      fake.failNext(operation, fault as FakeFault);
      return new Response(null, { status: 204 });
    },
  },
  reset: {
    method: "POST",
    serve: (fake) => {
      fake.reset();
      return new Response(null, { status: 204 });
    },
  },
  requests: { method: "GET", serve: (fake) => json(200, fake.requests) },
  // Webhooks, as fake.webhooks drives them; over HTTP a webhook is a URL (a handler function cannot travel).
  webhooks: {
    method: "POST",
    serve: (fake, body) => {
      const takes = 'webhooks takes { "url": "http://…", "secret": "whsecret_…", "events"?: [...] }';
      const { url, secret, events } = fieldsOf(body, ["url", "secret", "events"], takes);
      if (typeof url !== "string") throw new PiriodError(takes);
      return json(201, fake.webhooks.register({ url, secret, events } as Parameters<FakeWebhooks["register"]>[0]));
    },
  },
  "webhooks/send": {
    method: "POST",
    serve: async (fake, body) => {
      const takes = 'webhooks/send takes { "event": "payment.created", "object_id": "pay_123" }';
      const { event, object_id } = fieldsOf(body, ["event", "object_id"], takes);
      // Named here, by its name over HTTP: fake.webhooks.send calls it objectId.
      if (typeof object_id !== "string" || object_id === "")
        throw new PiriodError(`${takes}: object_id must be the id of the object the event is about`);
      return json(200, await fake.webhooks.send(event as string, object_id));
    },
  },
  "webhooks/deliveries": { method: "GET", serve: (fake) => json(200, fake.webhooks.deliveries) },
  "webhooks/enable": {
    method: "POST",
    serve: (fake, body) => {
      const takes = 'webhooks/enable takes { "id": 1 }, the id its registration answered';
      const { id } = fieldsOf(body, ["id"], takes);
      if (typeof id !== "number") throw new PiriodError(takes);
      fake.webhooks.enable(id);
      return new Response(null, { status: 204 });
    },
  },
};

/** A control call's body as the object of `fields` it must be, or `takes` (the endpoint's rule) naming what else it holds. */
function fieldsOf(body: unknown, fields: readonly string[], takes: string): Record<string, unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new PiriodError(takes);
  const others = Object.keys(body).filter((field) => !fields.includes(field));
  if (others.length > 0)
    throw new PiriodError(`${takes}, without ${others.map((field) => JSON.stringify(field)).join(", ")}`);
  return body as Record<string, unknown>;
}

/** Every route of the control API, as `POST /__piriod-fake/seed`. */
export const CONTROL_ROUTES: readonly string[] = Object.entries(ENDPOINTS).map(
  ([name, { method }]) => `${method} ${CONTROL_PATH}${name}`,
);

const LISTED = CONTROL_ROUTES.join(", ");

/**
 * The control API's answer to `request`, so that a test in another process (a Playwright suite, a
 * container next door) can seed, fail, reset and read the fake. With `token`, every call must send
 * `Authorization: Bearer <token>`; without one, only this machine's loopback may call it. Seeds go
 * to the workspace and mode its `x-simple-workspace` and `x-piriod-test-mode` headers name, as
 * Piriod's calls do (default: the fake's `workspace`, live mode).
 */
export async function controlAnswer(
  fake: Controlled,
  request: Request,
  peer: Peer,
  options: { token?: string; maxBodyBytes: number },
): Promise<Response> {
  if (options.token !== undefined) {
    if (!sameText(request.headers.get("authorization") ?? "", `Bearer ${options.token}`))
      return json(401, { detail: "The control API needs Authorization: Bearer <the control token>." });
  } else if (!peer.loopback) {
    return json(403, {
      detail:
        "The control API answers only this machine, unless the fake was started with a control token (--control-token).",
    });
  }
  const name = new URL(request.url).pathname.slice(CONTROL_PATH.length);
  const endpoint = Object.hasOwn(ENDPOINTS, name) ? ENDPOINTS[name] : undefined;
  if (endpoint === undefined) return json(404, { detail: `No such control endpoint; there are ${LISTED}.` });
  if (request.method !== endpoint.method)
    return json(405, { detail: `Method "${request.method}" not allowed.` }, { allow: endpoint.method });
  const bytes = await readBody(request.body, options.maxBodyBytes);
  if (bytes === undefined) return json(413, { detail: `Request body is larger than ${options.maxBodyBytes} bytes.` });
  let body: unknown;
  if (bytes.length > 0) {
    const decoded = utf8Text(bytes);
    try {
      body = JSON.parse("error" in decoded ? "" : decoded.text);
    } catch {
      return json(400, { detail: "The body must be JSON." });
    }
  }
  const workspace = request.headers.get("x-simple-workspace")?.trim();
  const onDelete = new URL(request.url).searchParams.get("onDelete");
  const where: FakeSpace = {
    ...(workspace ? { workspace } : {}),
    // seed?onDelete=archive: what a delete of the seeded objects does (fake.seed's `onDelete`).
    ...(onDelete === null ? {} : { onDelete: onDelete as FakeSpace["onDelete"] & string }),
    testMode: request.headers.get("x-piriod-test-mode")?.trim().toLowerCase() === "true",
  };
  try {
    return await endpoint.serve(fake, body, where);
  } catch (error) {
    if (error instanceof PiriodError) return json(400, { detail: error.message });
    throw error;
  }
}

/** Whether two texts are equal, in a time that does not tell how much of them matched. */
function sameText(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length;
  for (let index = 0; index < expected.length; index++)
    difference |= (given.charCodeAt(index) || 0) ^ expected.charCodeAt(index);
  return difference === 0;
}

/**
 * The fake's webhooks: deliveries POSTed and signed as Piriod's guide describes them (a JSON body of `event` and `object_id`,
 * `x-piriod-signature`, a 6-second timeout, any status outside 2xx a failure, the webhook disabled after the same failing status on
 * its last 3 deliveries), to a URL or to a handler function. The fake sends them only when a test calls `send`: Piriod's names for
 * customer and contact events are not documented.
 */
import { PiriodError } from "../errors.js";
import { signatureOf, signedText } from "../webhook-signature.js";

/** A webhook to deliver to, as `fake.webhooks.register` takes it. */
export interface FakeWebhookOptions {
  /** Where the fake POSTs each delivery. With `handler`, the URL of the request the handler gets (default `http://localhost/`). */
  url?: string;
  /** Receives each delivery as a standard `Request`, in place of a server: for tests that want no socket (Hono's `app.fetch` is one). */
  handler?: (request: Request) => Response | Promise<Response>;
  /** The webhook's secret: what Piriod's dashboard shows (`whsecret_…`), and what your endpoint verifies with. */
  secret: string;
  /** Only these events are delivered to it. Default: every event sent. */
  events?: readonly string[];
}

/** A registered webhook. */
export interface FakeWebhook {
  /** The fake's own number for it, from 1 (Piriod's webhook ids are not documented). */
  readonly id: number;
  readonly url: string;
  readonly events?: readonly string[];
  /** False once the same failing status came back from its last 3 deliveries, until `enable` or the fake's `reset`. */
  readonly enabled: boolean;
}

/**
 * How a delivery went: `delivered` (a 2xx), `failed` (any other status, 3xx included: no redirect is followed), `timeout` (no status
 * within the timeout), `unreachable` (no status: the connection failed, or the handler threw or returned no `Response`).
 */
export type FakeWebhookOutcome = "delivered" | "failed" | "timeout" | "unreachable";

/** A delivery the fake made, for assertions. */
export interface FakeWebhookDelivery {
  /** The `id` of the webhook it went to. */
  webhook: number;
  url: string;
  event: string;
  objectId: string;
  /** The body as sent: `{"event":…,"object_id":…}`. */
  body: string;
  /** `x-piriod-signature` as sent. */
  signature: string;
  outcome: FakeWebhookOutcome;
  /** The status the endpoint answered; absent for a timeout or an unreachable endpoint. */
  status?: number;
  /** Why an `unreachable` delivery got no status. */
  error?: string;
  /** This delivery was the third failure with the same status in a row, and disabled its webhook. */
  disabled: boolean;
}

/** `fake.webhooks`: register endpoints, send them events, read what was delivered. */
export interface FakeWebhooks {
  /** Registers a webhook, enabled, and returns it. */
  register(options: FakeWebhookOptions): FakeWebhook;
  /** Delivers `event` about `objectId` to every enabled webhook that takes it, at once, and resolves to those deliveries once each has its outcome. */
  send(event: string, objectId: string): Promise<FakeWebhookDelivery[]>;
  /** Every delivery made, oldest first. */
  readonly deliveries: readonly FakeWebhookDelivery[];
  /** Enables a webhook again (by itself or its id); its count of failures starts afresh, as after re-enabling it in Piriod. */
  enable(webhook: FakeWebhook | number): void;
}

/** Piriod's timeout for a webhook's answer. */
export const WEBHOOK_TIMEOUT_MS = 6_000;
/** How many deliveries in a row must fail with the same status to disable a webhook. */
const FAILURES_TO_DISABLE = 3;
const HANDLER_URL = "http://localhost/";

interface Registered {
  webhook: { id: number; url: string; events?: readonly string[]; enabled: boolean };
  secret: string;
  handler?: FakeWebhookOptions["handler"];
  /** The statuses of the deliveries since it was registered or enabled; `undefined` for one with no status. */
  statuses: (number | undefined)[];
}

/** The fake's webhooks, delivering with `timeoutMs` (checked by the caller); `reset` forgets every webhook and delivery. */
export function createFakeWebhooks(timeoutMs: number): { webhooks: FakeWebhooks; reset(): void } {
  const registered: Registered[] = [];
  const deliveries: FakeWebhookDelivery[] = [];
  let lastId = 0;

  async function deliver(target: Registered, event: string, objectId: string): Promise<FakeWebhookDelivery> {
    const { webhook, secret, handler } = target;
    const body = JSON.stringify({ event, object_id: objectId });
    const signature = await signatureOf(secret, signedText(body));
    const answer = await answerOf(
      webhook.url,
      { "content-type": "application/json", "x-piriod-signature": signature },
      body,
      handler,
      timeoutMs,
    );
    target.statuses.push(answer.status);
    const last = target.statuses.slice(-FAILURES_TO_DISABLE);
    const disabled =
      webhook.enabled &&
      last.length === FAILURES_TO_DISABLE &&
      last.every((status) => status !== undefined && !isSuccess(status) && status === last[0]);
    if (disabled) webhook.enabled = false;
    return { webhook: webhook.id, url: webhook.url, event, objectId, body, signature, ...answer, disabled };
  }

  const webhooks: FakeWebhooks = {
    register(options) {
      const checked = checkRegistration(options);
      lastId += 1;
      const webhook = { id: lastId, url: checked.url, events: checked.events, enabled: true };
      registered.push({ webhook, secret: checked.secret, handler: checked.handler, statuses: [] });
      return view(webhook);
    },
    async send(event, objectId) {
      if (typeof event !== "string" || event === "")
        throw new PiriodError(
          `webhooks.send: event must be an event's name, such as "payment.created", not ${shown(event)}`,
        );
      if (typeof objectId !== "string" || objectId === "")
        throw new PiriodError(
          `webhooks.send: objectId must be the id of the object the event is about, not ${shown(objectId)}`,
        );
      const targets = registered.filter(
        ({ webhook }) => webhook.enabled && (webhook.events === undefined || webhook.events.includes(event)),
      );
      const made = await Promise.all(targets.map((target) => deliver(target, event, objectId)));
      deliveries.push(...made);
      return made;
    },
    get deliveries() {
      return deliveries;
    },
    enable(which) {
      const id = typeof which === "object" && which !== null ? which.id : which;
      const target = registered.find(({ webhook }) => webhook.id === id);
      if (target === undefined)
        throw new PiriodError(
          `webhooks.enable: no webhook ${shown(id)}; the registered ones are ${registered.map(({ webhook }) => webhook.id).join(", ") || "none"}`,
        );
      target.webhook.enabled = true;
      target.statuses = [];
    },
  };
  return {
    webhooks,
    reset() {
      registered.length = 0;
      deliveries.length = 0;
    },
  };
}

/** The endpoint's answer to one delivery: its status, or why it has none. */
async function answerOf(
  url: string,
  headers: Record<string, string>,
  body: string,
  handler: FakeWebhookOptions["handler"],
  timeoutMs: number,
): Promise<Pick<FakeWebhookDelivery, "outcome" | "status" | "error">> {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => {
      abort.abort(new Error(`no answer within ${timeoutMs} ms`));
      resolve("timeout");
    }, timeoutMs);
  });
  const request = new Request(url, { method: "POST", headers, body, redirect: "manual", signal: abort.signal });
  const answered = (async () => {
    const response = await (handler ? handler(request) : fetch(request));
    if (!(response instanceof Response)) throw new Error(`the handler returned ${shown(response)}, not a Response`);
    // Only the status counts; the fake reads no answer's body.
    await response.body?.cancel().catch(() => {});
    return response.status;
  })();
  try {
    const status = await Promise.race([answered, timeout]);
    if (status === "timeout") return { outcome: "timeout" };
    return { outcome: isSuccess(status) ? "delivered" : "failed", status };
  } catch (error) {
    if (abort.signal.aborted) return { outcome: "timeout" };
    const cause = (error as { cause?: { message?: unknown } })?.cause?.message;
    return {
      outcome: "unreachable",
      error: `${(error as Error)?.message ?? String(error)}${cause ? ` (${cause})` : ""}`,
    };
  } finally {
    clearTimeout(timer);
    answered.catch(() => {});
  }
}

/** A registration's options, each checked: a mistake is a PiriodError naming the option and its rule. */
function checkRegistration(
  options: FakeWebhookOptions,
): Required<Pick<FakeWebhookOptions, "url" | "secret">> & Pick<FakeWebhookOptions, "handler" | "events"> {
  const fail = (rule: string) => new PiriodError(`webhooks.register: ${rule}`);
  if (typeof options !== "object" || options === null)
    throw fail("takes { url, secret, events? } or { handler, secret, events? }");
  const known = ["url", "handler", "secret", "events"];
  const unknown = Object.keys(options).filter((key) => !known.includes(key));
  if (unknown.length > 0)
    throw fail(
      `unknown option ${unknown.map((key) => JSON.stringify(key)).join(", ")}; the options are ${known.join(", ")}`,
    );
  const { url, handler, secret, events } = options;
  if (handler !== undefined && typeof handler !== "function")
    throw fail("handler must be a function that takes a Request and returns a Response");
  if (url === undefined && handler === undefined)
    throw fail("give the url to POST deliveries to, or a handler to call with them");
  let parsed: URL | undefined;
  try {
    parsed = new URL(url ?? HANDLER_URL);
  } catch {
    // Named below, with the rule.
  }
  if (parsed === undefined || (parsed.protocol !== "http:" && parsed.protocol !== "https:"))
    throw fail(`url must be an absolute http or https URL, not ${shown(url)}`);
  if (typeof secret !== "string" || secret === "")
    throw fail(`secret must be the webhook's secret, a non-empty string (whsecret_… in Piriod), not ${shown(secret)}`);
  if (
    events !== undefined &&
    (!Array.isArray(events) || events.some((event) => typeof event !== "string" || event === ""))
  )
    throw fail(`events must be a list of events' names, such as ["payment.created"], not ${shown(events)}`);
  return { url: parsed.href, handler, secret, events: events === undefined ? undefined : [...events] };
}

/** What a test reads of a webhook: its fields, `enabled` as it is now. */
function view(webhook: Registered["webhook"]): FakeWebhook {
  return {
    id: webhook.id,
    url: webhook.url,
    ...(webhook.events === undefined ? {} : { events: webhook.events }),
    get enabled() {
      return webhook.enabled;
    },
  };
}

function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299;
}

/** A value as a message shows it: a string quoted and cut, anything else by its kind. */
function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 50)}…` : value);
  if (value === null || value === undefined || typeof value === "number" || typeof value === "boolean")
    return String(value);
  return Array.isArray(value) ? JSON.stringify(value).slice(0, 80) : `a ${typeof value}`;
}

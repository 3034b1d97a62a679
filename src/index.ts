/**
 * `@piriod/api` for every runtime but Node (browsers and their workers, Deno, Bun, Cloudflare's workerd): requests go through the global
 * `fetch`, and nothing here imports a Node module. Node gets `./node.ts`, which exports the same, by the `node` export condition.
 *
 * An entry point is where the spec meets the runtime: the operation table, types and converters generated from the spec join the
 * hand-written client here, never in the runtime's modules (test/architecture/boundary.test.ts holds that rule).
 */
import type { Client } from "openapi-fetch";
import { operations } from "../generated/operations.js";
import type { Resources } from "../generated/resources.js";
import type { paths, WebhookEvent } from "../generated/schema.js";
import { createClient } from "./client.js";
import { fetchTransport } from "./fetch-transport.js";
import type { ClientOverrides, PiriodClientOptions } from "./options.js";
import type { RawPaths } from "./raw.js";
import { type VerifyWebhookInput, verifyWebhook as verifyDelivery } from "./webhooks.js";

export * from "../generated/converters.js";
export type * from "../generated/resources.js";
// Generated, so what the spec adds is exported with it: every schema under its own name (`Customer`, `Country`, …) with `paths`,
// `components` and `operations`; each resource's methods (`CustomersResource`); the converters the spec declares (`toCustomerUpdate`).
export type * from "../generated/schema.js";
export {
  type FieldError,
  PiriodAbortError,
  PiriodApiError,
  PiriodAuthenticationError,
  PiriodBadRequestError,
  PiriodConnectionError,
  PiriodError,
  PiriodNotFoundError,
  PiriodPermissionDeniedError,
  PiriodProtocolError,
  PiriodRateLimitError,
  PiriodResponseTooLargeError,
  PiriodResponseValidationError,
  PiriodServerError,
  PiriodTimeoutError,
  PiriodValidationError,
} from "./errors.js";
export type { FetchFunction } from "./fetch-transport.js";
export type { LogFields, Logger, LogLevel } from "./log.js";
export type { ClientOverrides, PiriodClientOptions, RequestOptions } from "./options.js";
export { Page, PagePromise } from "./pages.js";
export { PiriodPromise, type WithResponse } from "./promises.js";
export type { ValidationIssue } from "./validator-runtime.js";
export { PiriodWebhookSignatureError, type WebhookRefusal } from "./webhook-error.js";
export { type VerifyWebhookInput, WEBHOOK_MAX_BODY_BYTES } from "./webhooks.js";

/**
 * Checks a delivery of a Piriod webhook and resolves to its event, or rejects with a `PiriodWebhookSignatureError` (whose `reason`
 * says why) when it is not verifiably Piriod's: answer that 400. Bad arguments (an empty secret, a parsed body) reject with a
 * `PiriodError`. Nothing signed ties a delivery to a time: handle each `event` and `object_id` idempotently.
 *
 * The event is the spec's `WebhookEvent`: `event` offers the names Piriod documents and takes any other.
 */
export const verifyWebhook: (input: VerifyWebhookInput) => Promise<WebhookEvent> = verifyDelivery;

/** The spec's `paths` as `piriod.raw` sees them: no call has to pass the headers the client injects. */
export type ClientPaths = RawPaths<paths>;

/** A client for Piriod's API: a property per resource of the spec (`customers`), a method per operation. */
export interface PiriodClient extends Resources {
  /** openapi-fetch over the same transport, for `{ data, error, response }` calls: same authentication, headers and retries, no request validation. */
  raw: Client<ClientPaths>;
  /**
   * A client with some options changed (another workspace, test mode, limits, headers) that shares this one's key, transport and
   * connections: one token, several workspaces.
   */
  withOptions(overrides: ClientOverrides): PiriodClient;
}

/** A client for Piriod's API. In a browser it refuses to start unless `dangerouslyAllowBrowser` is set. */
export function createPiriodClient(options: PiriodClientOptions): PiriodClient {
  return createClient<PiriodClient>(operations, options, () => fetchTransport());
}

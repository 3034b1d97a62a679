/**
 * `@piriod/api` for every runtime but Node (browsers and their workers, Deno, Bun, Cloudflare's workerd): requests go through the global
 * `fetch`, and nothing here imports a Node module. Node gets `./node.ts`, which exports the same, by the `node` export condition.
 */
import { createClient, type PiriodClient } from "./client.js";
import { fetchTransport } from "./fetch-transport.js";
import type { PiriodClientOptions } from "./options.js";

export * from "../generated/converters.js";
export type * from "../generated/resources.js";
// Generated, so what the spec adds is exported with it: every schema under its own name (`Customer`, `Country`, …) with `paths`,
// `components` and `operations`; each resource's methods (`CustomersResource`); the converters the spec declares (`toCustomerUpdate`).
export type * from "../generated/schema.js";
export type { ValidationIssue } from "../generated/validators/runtime.js";
export type { PiriodClient } from "./client.js";
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
export type { ClientOverrides, Logger, LogLevel, PiriodClientOptions, RequestOptions } from "./options.js";
export { Page, PagePromise, PiriodPromise, type WithResponse } from "./promises.js";
export type { ClientPaths } from "./raw.js";
export { PiriodWebhookSignatureError, type WebhookRefusal } from "./webhook-error.js";
export { type VerifyWebhookInput, verifyWebhook, WEBHOOK_MAX_BODY_BYTES, type WebhookEvent } from "./webhooks.js";

/** A client for Piriod's API. In a browser it refuses to start unless `dangerouslyAllowBrowser` is set. */
export function createPiriodClient(options: PiriodClientOptions): PiriodClient {
  return createClient(options, () => fetchTransport());
}

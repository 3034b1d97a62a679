// What both entry points export besides `createPiriodClient`.
// Every component schema under its own name (`Customer`, `Country`, …), with `paths`,
// `components` and `operations`: generated, so a schema added to the spec is exported by itself.
export type * from "../generated/schema.js";
export type { ValidationIssue } from "../generated/validators/runtime.js";
export type { PiriodClient } from "./client.js";
export type { ClientPaths } from "./client-paths.js";
export type { CustomersResource } from "./customers.js";
export type { FieldError } from "./drf-errors.js";
export {
  PiriodAbortError,
  PiriodApiError,
  PiriodAuthenticationError,
  PiriodBadRequestError,
  PiriodConnectionError,
  PiriodError,
  PiriodNotFoundError,
  PiriodPermissionDeniedError,
  PiriodRateLimitError,
  PiriodResponseValidationError,
  PiriodServerError,
  PiriodTimeoutError,
  PiriodValidationError,
} from "./errors.js";
export type { PiriodClientOptions, RequestOptions } from "./options.js";
export { PiriodPromise, type WithResponse } from "./piriod-promise.js";
export { toCustomerUpdate } from "./to-customer-update.js";
export type { FetchFunction } from "./transport.js";

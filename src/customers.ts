import type { Client } from "openapi-fetch";
import type { Customer, CustomerUpdate } from "../generated/schema.js";
import { apiErrorFrom } from "./api-error.js";
import { checkRequestBody, customerUpdateValidator } from "./body-validation.js";
import type { ClientPaths } from "./client-paths.js";
import { customerFromResponse } from "./customer-response.js";
import { NO_OPTIONS, resolveRequestOptions, type CallOptions, type RequestOptions, type ResolvedOptions } from "./options.js";
import { PiriodPromise, type WithResponse } from "./piriod-promise.js";
import type { Redactor } from "./redact.js";
import { checkResourceId } from "./resource-id.js";
import { describeCall, type RetryPolicy } from "./retrying-fetch.js";
import type { FetchFunction } from "./transport.js";

export interface CustomersResource {
  /**
   * `PATCH /customers/{id}/`: updates a customer and resolves to it as it now stands. `name`,
   * `address`, `country` and `state` are required even on this partial update. Rejects with a
   * `PiriodValidationError` before sending when the body breaks the schema, with a
   * `PiriodApiError` subclass when Piriod refuses, and with a connection, timeout or abort error
   * when no response came. `.withResponse()` adds the response and its request id.
   */
  update(id: string, body: CustomerUpdate, options?: RequestOptions): PiriodPromise<Customer>;
  /**
   * `GET /customers/{id}/`: resolves to the customer. Rejects with a `PiriodNotFoundError` when
   * there is no such customer in the workspace (or in this mode: test-mode customers need
   * `testMode`), with another `PiriodApiError` subclass when Piriod refuses, and with a
   * connection, timeout or abort error when no response came. `.withResponse()` adds the
   * response and its request id. `toCustomerUpdate` turns the result into an update body.
   */
  retrieve(id: string, options?: RequestOptions): PiriodPromise<Customer>;
}

export interface ResourceContext {
  raw: Client<ClientPaths>;
  options: ResolvedOptions;
  /** The retrying fetch for a call whose timeout or retries differ from the client's. */
  fetchWith(policy: RetryPolicy): FetchFunction;
  redact: Redactor;
}

interface CallContext extends ResourceContext {
  /** The settings of a call without options, made once. */
  defaults: CallOptions;
}

export function customersResource(context: ResourceContext): CustomersResource {
  const { timeoutMs, maxRetries } = context.options;
  const callContext: CallContext = { ...context, defaults: { signal: undefined, timeoutMs, maxRetries, testMode: undefined } };
  return {
    update: (id, body, options) => new PiriodPromise(updateCustomer(callContext, id, body, options)),
    retrieve: (id, options) => new PiriodPromise(customerCall(callContext, "customers.retrieve", id, undefined, options)),
  };
}

function updateCustomer(context: CallContext, id: string, body: CustomerUpdate, options?: RequestOptions): Promise<WithResponse<Customer>> {
  const send = () => customerCall(context, "customers.update", id, body, options);
  return context.options.validateRequest ? checkRequestBody(customerUpdateValidator, body, "customers.update").then(send) : send();
}

/**
 * One call on `/customers/{id}/` that answers with a `Customer`, a PATCH with `body` or else a
 * GET: the id checked and encoded as one segment, per-call options applied, Piriod's refusal
 * turned into a typed error. `name` is the call as messages name it (`customers.retrieve`).
 */
async function customerCall(
  context: CallContext,
  name: string,
  id: string,
  body: CustomerUpdate | undefined,
  options: RequestOptions = NO_OPTIONS,
): Promise<WithResponse<Customer>> {
  const { options: client, raw, redact } = context;
  const call = options === NO_OPTIONS ? context.defaults : resolveRequestOptions(options, client);
  const path = { id: checkResourceId(id, name) };
  const method = body === undefined ? "GET" : "PATCH";
  const samePolicy = call.timeoutMs === client.timeoutMs && call.maxRetries === client.maxRetries;
  const init = {
    params: { path },
    signal: call.signal,
    // `null` removes the client's test-mode header for this call.
    headers: call.testMode === undefined ? undefined : { "x-piriod-test-mode": call.testMode ? "true" : null },
    parseAs: "text" as const,
    fetch: samePolicy ? undefined : context.fetchWith(call),
  };
  const { data, error, response } = body === undefined ? await raw.GET("/customers/{id}/", init) : await raw.PATCH("/customers/{id}/", { ...init, body });
  // Named in messages only, so the URL is parsed only when something failed.
  const described = () => describeCall({ method, url: response.url || `${client.baseUrl}/customers/${encodeURIComponent(path.id)}/` });
  if (!response.ok) throw apiErrorFrom(response, error, described(), redact);
  const customer = await customerFromResponse(data, response, client.validateResponse, described, redact);
  return { data: customer, response, requestId: response.headers.get("x-request-id") };
}

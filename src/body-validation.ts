/**
 * Validating bodies with the generated validators, each imported on first use: a bundler splits
 * each into a chunk of its own, which a client that does not validate never loads.
 */
import type { Customer, CustomerUpdate } from "../generated/schema.js";
import type { ValidationIssue } from "../generated/validators/runtime.js";
import { PiriodValidationError } from "./errors.js";

export type Validate<T> = (data: unknown) => { ok: true; value: T } | { ok: false; errors: ValidationIssue[] };

/** A generated validator imported on first use; `current` is set once it has loaded, so later calls need not wait. */
export interface LazyValidator<T> {
  readonly current: Validate<T> | undefined;
  load(): Promise<Validate<T>>;
}

export function lazyValidator<T>(importValidator: () => Promise<Validate<T>>): LazyValidator<T> {
  let loading: Promise<Validate<T>> | undefined;
  const lazy = {
    current: undefined as Validate<T> | undefined,
    load: () =>
      (loading ??= importValidator().then(
        (validate) => (lazy.current = validate),
        (error: unknown) => {
          // A chunk that failed to load (a network blip in a browser) is tried again by the next call.
          loading = undefined;
          throw error;
        },
      )),
  };
  return lazy;
}

// One literal import() per validator: that is what lets a bundler give each its own chunk.
export const customerUpdateValidator = lazyValidator<CustomerUpdate>(() =>
  import("../generated/validators/customer-update.js").then((module) => module.validateCustomerUpdate),
);
export const customerValidator = lazyValidator<Customer>(() => import("../generated/validators/customer.js").then((module) => module.validateCustomer));

/** The validators of request bodies. */
const REQUEST_VALIDATORS: LazyValidator<unknown>[] = [customerUpdateValidator];

/**
 * Starts loading the request validators, for a client that validates requests, so that its first
 * call seldom waits. A failure here is not reported: the call that needs the validator retries
 * the load and reports it.
 */
export function preloadRequestValidators(): void {
  for (const validator of REQUEST_VALIDATORS) validator.load().catch(() => {});
}

const VALID: Promise<void> = Promise.resolve();

/**
 * Resolves when `body` passes `validator`, waiting for the validator only the first time; rejects
 * with a `PiriodValidationError` listing every violation, so nothing is sent. `call` names the
 * method in the message (`customers.update`).
 */
export function checkRequestBody(validator: LazyValidator<unknown>, body: unknown, call: string): Promise<void> {
  const validate = validator.current;
  if (validate === undefined) return validator.load().then(() => checkRequestBody(validator, body, call));
  const result = validate(body);
  if (result.ok) return VALID;
  const lines = result.errors.map((issue) => issue.message).join("; ");
  return Promise.reject(new PiriodValidationError(`${call}: the body breaks the schema, nothing was sent: ${lines}`, result.errors));
}

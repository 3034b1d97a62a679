import type { ValidationResult } from "./validator-runtime.js";

/** A generated validator, imported on first use. */
export type LoadValidator = () => Promise<(data: unknown) => ValidationResult<unknown>>;

/** How the client sends one operation: an entry of the operation table generated from the spec (generated/operations.js). */
export interface Operation {
  /** The HTTP method, upper case. */
  readonly method: string;
  /** The path as the spec writes it, parameters in braces: `/customers/{id}/`. */
  readonly path: string;
  /** The path's parameters in the order they appear: the method's first arguments. */
  readonly pathParams: readonly string[];
  /** The query parameters the method takes in an object after the body, if any: names, and families of names by their prefix (`metadata__*`). */
  readonly query?: readonly string[];
  /** The query parameters whose schema is an array, sent as one value of comma-joined items; every other takes one value. */
  readonly arrays?: readonly string[];
  /** The validator of the JSON request body, for an operation that takes one. */
  readonly body?: LoadValidator;
  /** The status of success. */
  readonly status: number;
  /** The validator of the success response's JSON body, for an operation that answers with one. */
  readonly response?: LoadValidator;
  /** Whether the response is Piriod's Paginated envelope: the method resolves to a page and iterates every item. */
  readonly paginated?: true;
}

/** Every operation of a spec, by resource and method (`operations.customers.update`). */
export interface OperationTable {
  readonly [resource: string]: { readonly [method: string]: Operation };
}

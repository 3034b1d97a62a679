import { type ReceivedResponse, toResponse } from "./transport.js";

/** A successful call with what came with it. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  /** The `x-request-id` header of the response, to quote when asking Piriod about a call. */
  requestId: string | null;
}

/** A successful call, whose standard `Response` is built only if asked for. */
export class CallResult<T> implements WithResponse<T> {
  #response: Response | undefined;
  readonly #received: ReceivedResponse;
  constructor(
    readonly data: T,
    received: ReceivedResponse,
  ) {
    this.#received = received;
  }
  get response(): Response {
    this.#response ??= toResponse(this.#received);
    return this.#response;
  }
  get requestId(): string | null {
    return this.#received.headers.get("x-request-id");
  }
}

/**
 * What a resource method returns: awaiting it gives the typed data; `.withResponse()` gives the data with the response (status, headers,
 * request id). The call starts at once; the data promise is derived only when awaited, so a caller who uses `.withResponse()` alone is not
 * left with a second, unobserved rejection.
 */
export class PiriodPromise<T> extends Promise<T> {
  readonly #result: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;
  constructor(result: Promise<WithResponse<T>>) {
    super((resolve) => resolve(undefined as T));
    this.#result = result;
  }
  // `then` below never calls the base class, so a derived promise is a plain one.
  static override get [Symbol.species]() {
    return Promise;
  }
  withResponse(): Promise<WithResponse<T>> {
    return this.#result;
  }
  // biome-ignore lint/suspicious/noThenProperty: this class is a Promise; its then derives the data promise lazily.
  override then<Fulfilled = T, Rejected = never>(
    onFulfilled?: ((value: T) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    this.#data ??= this.#result.then(({ data }) => data);
    return this.#data.then(onFulfilled, onRejected);
  }
}

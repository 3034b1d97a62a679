/**
 * How a transport learns that an attempt must stop: the caller aborted or the attempt's time ran
 * out. The Node transport listens with `onAbort`, a plain callback: an `AbortController` with its
 * event listeners costs Node a few microseconds per request, so the standard `signal` that a
 * `fetch` needs is only made when asked for.
 */
export interface AttemptAbort {
  readonly aborted: boolean;
  readonly reason: unknown;
  /**
   * Calls `listener` once if the attempt is aborted (at once if it already is); the result
   * removes it. One listener at a time: a transport has one pending step to stop, and a new
   * listener replaces the previous one.
   */
  onAbort(listener: (reason: unknown) => void): () => void;
  /** An `AbortSignal` that aborts with the attempt, made on first use. */
  readonly signal: AbortSignal;
}

/**
 * The abort of one attempt: it fires when the caller's signal does or when the attempt's own
 * timeout runs out. openapi-fetch shares one signal across a call, so a timeout set there would
 * span every retry (openapi-typescript#2567); each attempt gets a fresh timer here instead.
 */
export class AttemptSignal implements AttemptAbort {
  readonly #caller: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #onCallerAbort = () => this.#abort(this.#caller!.reason);
  #listener: ((reason: unknown) => void) | undefined;
  #controller: AbortController | undefined;
  #aborted = false;
  #reason: unknown;
  #timedOut = false;

  constructor(caller: AbortSignal | undefined, timeoutMs: number) {
    this.#caller = caller;
    if (caller?.aborted) this.#abort(caller.reason);
    else caller?.addEventListener("abort", this.#onCallerAbort, { once: true });
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#abort(new Error(`no complete response within ${timeoutMs} ms`));
    }, timeoutMs);
  }

  get aborted(): boolean {
    return this.#aborted;
  }

  get reason(): unknown {
    return this.#reason;
  }

  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  /** Whether the attempt ended because its time ran out (rather than by the caller). */
  get timedOut(): boolean {
    return this.#timedOut && !this.#caller?.aborted;
  }

  onAbort(listener: (reason: unknown) => void): () => void {
    if (this.#aborted) {
      listener(this.#reason);
      return () => {};
    }
    this.#listener = listener;
    return () => {
      if (this.#listener === listener) this.#listener = undefined;
    };
  }

  /** Stops the timer and lets go of the caller's signal; call once the attempt has settled. */
  finish(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener("abort", this.#onCallerAbort);
  }

  #abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    this.#listener?.(reason);
    this.#controller?.abort(reason);
  }
}

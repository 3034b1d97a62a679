import { describe, expect, it } from "vitest";
import {
  PiriodAbortError,
  PiriodConnectionError,
  PiriodRateLimitError,
  PiriodServerError,
  PiriodTimeoutError,
} from "../../src/errors.js";
import { backoffMs, requestedDelayMs } from "../../src/retry-policy.js";
import { body, CUSTOMER_ID, customer, jsonResponse, recordingFetch, testClient } from "../helpers/client-fixtures.ts";
import { expectNoUnhandledRejections } from "../helpers/client-unhandled.ts";
import { defined } from "../helpers/defined.ts";

// Which failures are retried, how long the client waits, and when it gives up; the transport is
// an injected fetch and the waits are recorded, not slept.
expectNoUnhandledRejections();

const busy = (status: number, headers: Record<string, string> = {}) =>
  jsonResponse(status, { detail: "Try again." }, headers);

describe("what is retried", () => {
  it.each([408, 429, 500, 502, 503, 504])("a %i, up to maxRetries more times", async (status) => {
    const fetch = recordingFetch(busy(status));
    const piriod = testClient({ fetch, maxRetries: 2 });
    await expect(piriod.customers.update(CUSTOMER_ID, body)).rejects.toMatchObject({ status });
    expect(fetch.requests).toHaveLength(3);
  });

  it.each([400, 401, 403, 404, 409, 422, 501])("never a %i", async (status) => {
    const fetch = recordingFetch(busy(status));
    await expect(testClient({ fetch }).customers.update(CUSTOMER_ID, body)).rejects.toMatchObject({ status });
    expect(fetch.requests).toHaveLength(1);
  });

  it("a failure, until a later attempt succeeds", async () => {
    const fetch = recordingFetch(busy(503), new TypeError("fetch failed"), jsonResponse(200, customer));
    await expect(testClient({ fetch }).customers.update(CUSTOMER_ID, body)).resolves.toEqual(customer);
    expect(fetch.requests).toHaveLength(3);
  });

  it("a connection error, ending in PiriodConnectionError with the cause kept", async () => {
    const cause = new TypeError("fetch failed", { cause: new Error("getaddrinfo ENOTFOUND api.piriod.com") });
    const fetch = recordingFetch(cause);
    const error = await testClient({ fetch })
      .customers.update(CUSTOMER_ID, body)
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PiriodConnectionError);
    expect(error).toMatchObject({
      cause,
      message: expect.stringMatching(
        /no response from https:\/\/api\.piriod\.com \(3 attempts\): getaddrinfo ENOTFOUND/,
      ),
    });
    expect(fetch.requests).toHaveLength(3);
  });

  it("as many times as a call's maxRetries says, over the client's", async () => {
    const fetch = recordingFetch(busy(500));
    const piriod = testClient({ fetch, maxRetries: 5 });
    await expect(piriod.customers.update(CUSTOMER_ID, body, { maxRetries: 1 })).rejects.toBeInstanceOf(
      PiriodServerError,
    );
    expect(fetch.requests).toHaveLength(2);
  });

  it("not at all with maxRetries 0", async () => {
    const fetch = recordingFetch(busy(500));
    await expect(testClient({ fetch, maxRetries: 0 }).customers.update(CUSTOMER_ID, body)).rejects.toBeInstanceOf(
      PiriodServerError,
    );
    expect(fetch.requests).toHaveLength(1);
  });
});

describe("how long the client waits", () => {
  const waitsFor = async (...answers: Response[]) => {
    const piriod = testClient({ fetch: recordingFetch(...answers, jsonResponse(200, customer)), maxRetries: 6 });
    await piriod.customers.update(CUSTOMER_ID, body);
    return piriod.sleep.waits;
  };

  it("backs off from 0.5 s, doubling up to 8 s, each wait less up to a quarter at random", async () => {
    const waits = await waitsFor(...Array<Response>(6).fill(busy(500)));
    const bases = [500, 1_000, 2_000, 4_000, 8_000, 8_000];
    expect(waits).toHaveLength(6);
    waits.forEach((wait, index) => {
      const base = defined(bases[index], `the base of wait ${index}`);
      expect(wait).toBeGreaterThanOrEqual(base * 0.75);
      expect(wait).toBeLessThanOrEqual(base);
    });
  });

  it("honours retry-after-ms before Retry-After, and Retry-After up to 60 s", async () => {
    expect(
      await waitsFor(busy(429, { "retry-after-ms": "1500", "retry-after": "9" }), busy(503, { "retry-after": "60" })),
    ).toEqual([1_500, 60_000]);
  });

  it("falls back to backoff when Retry-After is unreadable", async () => {
    const [wait] = await waitsFor(busy(503, { "retry-after": "soon" }));
    expect(wait).toBeGreaterThanOrEqual(375);
    expect(wait).toBeLessThanOrEqual(500);
  });

  it("fails at once when the server asks for more than 60 s", async () => {
    const fetch = recordingFetch(busy(429, { "retry-after": "61" }));
    const piriod = testClient({ fetch });
    await expect(piriod.customers.update(CUSTOMER_ID, body)).rejects.toBeInstanceOf(PiriodRateLimitError);
    expect(fetch.requests).toHaveLength(1);
    expect(piriod.sleep.waits).toEqual([]);
  });
});

describe("timeouts and aborts", () => {
  /** A fetch that never answers and ignores its signal: only the client can end the attempt. */
  const deaf = () => new Promise<Response>(() => {});

  it("ends an attempt after timeoutMs even when the fetch ignores the signal, and retries it", async () => {
    const fetch = recordingFetch(deaf);
    const error = await testClient({ fetch, timeoutMs: 20 })
      .customers.update(CUSTOMER_ID, body)
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PiriodTimeoutError);
    expect((error as Error).message).toMatch(/no complete response within 20 ms \(3 attempts\)/);
    expect(fetch.requests).toHaveLength(3);
  });

  it("lets a call's timeoutMs override the client's", async () => {
    const fetch = recordingFetch(deaf);
    const piriod = testClient({ fetch, timeoutMs: 600_000, maxRetries: 0 });
    await expect(piriod.customers.update(CUSTOMER_ID, body, { timeoutMs: 20 })).rejects.toBeInstanceOf(
      PiriodTimeoutError,
    );
  });

  it("leaves no unhandled rejection when an abandoned fetch fails late", async () => {
    const late = () => new Promise<Response>((_resolve, reject) => setTimeout(() => reject(new Error("late")), 5));
    const fetch = recordingFetch(late);
    await expect(
      testClient({ fetch, timeoutMs: 1, maxRetries: 0 }).customers.update(CUSTOMER_ID, body),
    ).rejects.toBeInstanceOf(PiriodTimeoutError);
    await new Promise((resolve) => setTimeout(resolve, 10));
  });

  it("ends the call in a PiriodAbortError with the TimeoutError as cause when the caller's own AbortSignal.timeout() fires, without retrying", async () => {
    const fetch = recordingFetch(deaf);
    const error = await testClient({ fetch })
      .customers.update(CUSTOMER_ID, body, { signal: AbortSignal.timeout(20) })
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PiriodAbortError);
    expect(error).not.toBeInstanceOf(PiriodTimeoutError);
    expect((error as Error).cause).toBeInstanceOf(DOMException);
    expect(((error as Error).cause as DOMException).name).toBe("TimeoutError");
    expect(fetch.requests).toHaveLength(1);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const fetch = recordingFetch(jsonResponse(200, customer));
    const signal = AbortSignal.abort(new Error("user left"));
    const error = await testClient({ fetch })
      .customers.update(CUSTOMER_ID, body, { signal })
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PiriodAbortError);
    expect((error as Error).cause).toEqual(new Error("user left"));
    expect(fetch.requests).toEqual([]);
  });

  it("ends an attempt in flight when the caller aborts, without retrying", async () => {
    const controller = new AbortController();
    const fetch = recordingFetch(async () => {
      controller.abort();
      return deaf();
    });
    const piriod = testClient({ fetch });
    await expect(piriod.customers.update(CUSTOMER_ID, body, { signal: controller.signal })).rejects.toBeInstanceOf(
      PiriodAbortError,
    );
    expect(fetch.requests).toHaveLength(1);
    expect(piriod.sleep.waits).toEqual([]);
  });
});

describe("retry-delay", () => {
  it("computes backoff from the random draw: none takes the full wait, the most takes a quarter off", () => {
    expect([backoffMs(0, () => 0), backoffMs(0, () => 1), backoffMs(3, () => 0), backoffMs(10, () => 0)]).toEqual([
      500, 375, 4_000, 8_000,
    ]);
  });

  it("reads Retry-After as seconds, as an HTTP date (never negative) and retry-after-ms as milliseconds", () => {
    const now = Date.parse("2024-03-12T14:02:11Z");
    const delay = (headers: Record<string, string>) => requestedDelayMs(new Headers(headers), now);
    expect(delay({ "retry-after": "3" })).toBe(3_000);
    expect(delay({ "retry-after": "0.5" })).toBe(500);
    expect(delay({ "retry-after": "Tue, 12 Mar 2024 14:02:41 GMT" })).toBe(30_000);
    expect(delay({ "retry-after": "Tue, 12 Mar 2024 14:00:00 GMT" })).toBe(0);
    expect(delay({ "retry-after-ms": "250" })).toBe(250);
    expect(delay({ "retry-after": "-1" })).toBeUndefined();
    expect(delay({})).toBeUndefined();
  });
});

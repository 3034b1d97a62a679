import { describe, expect, it } from "vitest";
import { PiriodNotFoundError } from "../../src/errors.js";
import { PiriodPromise } from "../../src/promises.js";
import { body, CUSTOMER_ID, customer, jsonResponse, recordingFetch, testClient } from "../helpers/client-fixtures.ts";
import { expectNoUnhandledRejections } from "../helpers/client-unhandled.ts";

// What `customers.update` returns: a promise of the Customer that also offers `.withResponse()`.
expectNoUnhandledRejections();

const update = (answer: Response) => testClient({ fetch: recordingFetch(answer) }).customers.update(CUSTOMER_ID, body);

describe("PiriodPromise", () => {
  it("is a Promise whose then, catch and finally see the data", async () => {
    const call = update(jsonResponse(200, customer));
    expect(call).toBeInstanceOf(Promise);
    expect(call).toBeInstanceOf(PiriodPromise);
    let settled = false;
    await expect(call.finally(() => (settled = true))).resolves.toEqual(customer);
    expect(settled).toBe(true);
    expect(await call.then((data) => data.name)).toBe(customer.name);
  });

  it("rejects through catch and await alike", async () => {
    const call = update(jsonResponse(404, { detail: "Not found." }));
    expect(await call.catch((error: unknown) => error)).toBeInstanceOf(PiriodNotFoundError);
    await expect(call).rejects.toBeInstanceOf(PiriodNotFoundError);
  });

  it("leaves nothing unhandled when only .withResponse() is used on a failing call", async () => {
    const call = update(jsonResponse(404, { detail: "Not found." }));
    await expect(call.withResponse()).rejects.toBeInstanceOf(PiriodNotFoundError);
  });

  it("gives the same result to await and .withResponse()", async () => {
    const call = update(jsonResponse(200, customer));
    const [data, withResponse] = await Promise.all([call, call.withResponse()]);
    expect(withResponse.data).toBe(data);
  });
});

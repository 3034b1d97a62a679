import { describe, expect, it } from "vitest";
import { checkRequestBody, lazyValidator, type Validate } from "../../src/body-validation.js";
import { PiriodValidationError } from "../../src/errors.js";

// The validators load on first use (a chunk of their own in a browser bundle). A load that fails
// (a network blip fetching the chunk) must not stick: the next call tries again.
const accept: Validate<unknown> = (data) => ({ ok: true, value: data });
const refuse: Validate<unknown> = () => ({ ok: false, errors: [{ path: "/name", keyword: "required", message: "/name is required" }] });

describe("a lazy validator", () => {
  it("loads once, however many calls wait for it", async () => {
    let loads = 0;
    const validator = lazyValidator(async () => (loads++, accept));
    await Promise.all([validator.load(), validator.load(), checkRequestBody(validator, {}, "customers.update")]);
    await checkRequestBody(validator, {}, "customers.update");
    expect([loads, validator.current]).toEqual([1, accept]);
  });

  it("loads again after a failed load", async () => {
    const outcomes = [() => Promise.reject(new Error("chunk failed to load")), () => Promise.resolve(accept)];
    const validator = lazyValidator(() => outcomes.shift()!());
    await expect(checkRequestBody(validator, {}, "customers.update")).rejects.toThrow("chunk failed to load");
    await expect(checkRequestBody(validator, {}, "customers.update")).resolves.toBeUndefined();
  });

  it("refuses a body with every violation, naming the call", async () => {
    const error = await checkRequestBody(lazyValidator(async () => refuse), {}, "customers.update").catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PiriodValidationError);
    expect(error).toMatchObject({ message: "customers.update: the body breaks the schema, nothing was sent: /name is required", errors: [{ path: "/name" }] });
  });
});

import { describe, expect, it } from "vitest";
import { type ClientContext, call } from "../../src/call.js";
import { PiriodValidationError } from "../../src/errors.js";
import { fetchTransport } from "../../src/fetch-transport.js";
import type { LoadValidator, Operation } from "../../src/operation.js";
import { resolveOptions } from "../../src/options.js";
import { createRedactor } from "../../src/redaction.js";
import { abortableSleep } from "../../src/send.js";
import { API_KEY, jsonResponse, recordingFetch, WORKSPACE } from "../helpers/client-fixtures.ts";
import { defined } from "../helpers/defined.ts";

// The validators load on first use (a chunk of their own in a browser bundle). A load that fails
// (a network blip fetching the chunk) must not stick: the next call tries again.
type Validate = Awaited<ReturnType<LoadValidator>>;
const accept: Validate = (data) => ({ ok: true, value: data });
const refuse: Validate = () => ({
  ok: false,
  errors: [{ path: "/name", keyword: "required", message: "/name is required" }],
});

function setup(load: LoadValidator) {
  const fetch = recordingFetch(jsonResponse(200, { id: "w_1" }));
  const options = resolveOptions({ apiKey: API_KEY, workspace: WORKSPACE, fetch, maxRetries: 0 });
  const context: ClientContext = {
    options,
    transport: fetchTransport(fetch),
    sleep: abortableSleep,
    redact: createRedactor(API_KEY),
    headers: {},
    log: () => {},
  };
  const operation: Operation = { method: "PATCH", path: "/widgets/{id}/", pathParams: ["id"], body: load, status: 200 };
  return { fetch, update: (body: unknown) => call(context, operation, "widgets.update", ["w_1", body]) };
}

describe("a lazily loaded validator", () => {
  it("loads once, however many calls wait for it", async () => {
    let loads = 0;
    const { fetch, update } = setup(async () => {
      loads++;
      return accept;
    });
    await Promise.all([update({}), update({}), update({})]);
    await update({});
    expect([loads, fetch.requests.length]).toEqual([1, 4]);
  });

  it("loads again after a failed load, having sent nothing", async () => {
    const outcomes = [() => Promise.reject(new Error("chunk failed to load")), () => Promise.resolve(accept)];
    const { fetch, update } = setup(() => defined(outcomes.shift(), "a load's outcome")());
    await expect(update({})).rejects.toThrow("chunk failed to load");
    expect(fetch.requests).toEqual([]);
    await expect(update({})).resolves.toMatchObject({ data: undefined });
    expect(fetch.requests).toHaveLength(1);
  });

  it("refuses a body with every violation, naming the call", async () => {
    const { fetch, update } = setup(async () => refuse);
    const error = await update({}).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PiriodValidationError);
    expect(error).toMatchObject({
      message: "widgets.update: the body breaks the schema, nothing was sent: /name is required",
      errors: [{ path: "/name" }],
    });
    expect(fetch.requests).toEqual([]);
  });
});

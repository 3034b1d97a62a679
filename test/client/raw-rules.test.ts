import { beforeEach, describe, expect, it } from "vitest";
import * as fetchEntry from "../../src/index.js";
import * as nodeEntry from "../../src/node.js";
import { API_KEY, body, CUSTOMER_ID, customer, WORKSPACE } from "../helpers/client-fixtures.ts";
import { expectNoUnhandledRejections } from "../helpers/client-unhandled.ts";
import { defined } from "../helpers/defined.ts";
import { faultServerOfFile } from "../helpers/fault-server-of-file.ts";
import { json } from "../helpers/http-fault-server.ts";

// raw keeps the rules of the resource methods: what they refuse before sending, it refuses too,
// as a PiriodError naming the rule, with nothing sent; the headers a call may override stay its own.
expectNoUnhandledRejections();

const server = faultServerOfFile();
beforeEach(() => {
  server.answer(json(200, customer));
});

describe.each([
  ["the node entry", nodeEntry],
  ["the fetch entry", fetchEntry],
] as const)("%s", (_entry, { createPiriodClient, PiriodError, PiriodValidationError }) => {
  const piriod = () =>
    createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl: server.url, maxRetries: 0 });
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => expect.fail("the call was sent"),
      (reason: unknown) => reason as Error,
    );
    expect(error).toBeInstanceOf(PiriodValidationError);
    expect(server.received).toEqual([]);
    return error;
  };
  const retrieve = (init: object) =>
    piriod().raw.GET("/customers/{id}/", { params: { path: { id: CUSTOMER_ID } }, ...init } as never);

  it.each([
    ["..", 'id cannot be "..": no URL can carry it as a path segment'],
    [".", 'id cannot be ".": no URL can carry it as a path segment'],
    ["  ", "id must not be empty or blank"],
  ])("refuses a path id of %j, as the methods do", async (id, message) => {
    const error = await refusal(piriod().raw.GET("/customers/{id}/", { params: { path: { id } } }));
    expect(error.message).toBe(`GET /customers/{id}/: the call is refused, nothing was sent: ${message}`);
  });

  it("refuses another key in a call's headers: another key means another client", async () => {
    const error = await refusal(retrieve({ headers: { Authorization: "Token sk_test_another" } }));
    expect(error.message).toMatch(
      /the "authorization" header is set by the apiKey option: another key means another client/,
    );
    expect(error.message).not.toContain("sk_test_another");
  });

  it("refuses another key that raw middleware sets", async () => {
    const client = piriod();
    client.raw.use({
      onRequest: ({ request }) => {
        request.headers.set("authorization", "Token sk_test_another");
        return request;
      },
    });
    await refusal(client.raw.GET("/customers/{id}/", { params: { path: { id: CUSTOMER_ID } } }));
  });

  it("keeps a call's own workspace and test mode, and the client's key repeated", async () => {
    await retrieve({
      params: { path: { id: CUSTOMER_ID }, header: { "x-simple-workspace": "acc_other", "x-piriod-test-mode": true } },
      headers: { authorization: `Token ${API_KEY}` },
    });
    expect(defined(server.received[0], "the request sent").headers).toMatchObject({
      authorization: `Token ${API_KEY}`,
      "x-simple-workspace": "acc_other",
      "x-piriod-test-mode": "true",
    });
  });

  it.each([
    ["a header name with a space", { headers: { "x team": "billing" } }, '"x team" is not a valid header name'],
    [
      "a header value with a line break",
      { headers: { "x-team": "billing\r\nx-forged: 1" } },
      'the value of "x-team" must be a string without line breaks or control characters',
    ],
    [
      "a header parameter with a line break",
      { params: { path: { id: CUSTOMER_ID }, header: { "x-simple-workspace": "acc\nX" } } },
      'the value of "x-simple-workspace" must be a string without line breaks or control characters',
    ],
  ])("refuses %s with a PiriodValidationError naming it", async (_case, init, message) => {
    const error = await refusal(retrieve(init));
    expect(error.message).toBe(`GET /customers/{id}/: the call is refused, nothing was sent: ${message}`);
    expect(error).toBeInstanceOf(PiriodError);
  });

  it("refuses a body that cannot be written as JSON, the original error as cause", async () => {
    const circular: Record<string, unknown> = { ...body };
    circular.metadata = { self: circular };
    const error = await refusal(
      piriod().raw.PATCH("/customers/{id}/", { params: { path: { id: CUSTOMER_ID } }, body: circular as never }),
    );
    expect(error.message).toMatch(
      /^PATCH \/customers\/\{id\}\/: the call is refused, nothing was sent: the body cannot be written as JSON/,
    );
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});

describe("the node entry's agent", () => {
  it("is a PiriodError when reading it throws, as in the fetch entry", () => {
    const options = Object.defineProperty({ apiKey: API_KEY, workspace: WORKSPACE }, "agent", {
      enumerable: true,
      get: () => {
        throw new Error("no agent configured");
      },
    });
    expect(() => nodeEntry.createPiriodClient(options)).toThrow(nodeEntry.PiriodError);
    expect(() => nodeEntry.createPiriodClient(options)).toThrow(
      /^createPiriodClient: the options cannot be read \(no agent configured\)$/,
    );
  });
});

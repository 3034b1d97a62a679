import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/prism-server.ts";
import {
  PiriodConnectionError,
  PiriodRateLimitError,
  PiriodServerError,
  PiriodTimeoutError,
} from "../../src/errors.js";
import type { LoadValidator, Operation } from "../../src/operation.js";
import {
  type Answer,
  type FaultServer,
  json,
  reply,
  resetMidBody,
  slowHeaders,
  startFaultServer,
} from "../helpers/http-fault-server.ts";
import { operationMethod } from "../helpers/operation-context.ts";

// A create (POST) is not idempotent, and Piriod documents no idempotency key: it is retried only when
// it cannot have been processed. Each case counts the requests the server saw.
const accept: LoadValidator = async () => (data) => ({ ok: true, value: data });
const CREATE: Operation = {
  method: "POST",
  path: "/widgets/",
  pathParams: [],
  body: accept,
  status: 201,
  response: accept,
};
const created = json(201, { id: "wid_1" });

let server: FaultServer;
beforeAll(async () => (server = await startFaultServer()));
afterAll(() => server.close());
beforeEach(() => {
  server.received.length = 0;
});

describe.each(["node", "fetch"] as const)("a POST through the %s transport", (transport) => {
  const create = (options = {}) =>
    operationMethod(CREATE, { baseUrl: server.url, transport, maxRetries: 2, timeoutMs: 300, ...options });

  it.each<[string, Answer[]]>([
    ["a 429", [json(429, { detail: "Slow down." }), created]],
    ["a 503 with Retry-After", [json(503, { detail: "Busy." }, { "retry-after": "1" }), created]],
  ])("is retried after %s, which says the request was not processed", async (_case, answers) => {
    server.answer(...answers);
    const method = create();
    await expect(method({ name: "Andes" })).resolves.toEqual({ id: "wid_1" });
    expect(server.received.map((request) => request.method)).toEqual(["POST", "POST"]);
  });

  it.each<[string, Answer, abstract new (...args: never[]) => Error]>([
    ["a 503 without Retry-After", json(503, { detail: "Busy." }), PiriodServerError],
    ["a 500", json(500, { detail: "Server error." }), PiriodServerError],
    ["a 502", reply(502, "Bad gateway"), PiriodServerError],
    ["a timeout", slowHeaders(2_000, created), PiriodTimeoutError],
    ["a reset after the request was sent", resetMidBody(), PiriodConnectionError],
  ])(
    "is not retried after %s, which may have come after the customer was created",
    async (_case, answer, ErrorClass) => {
      server.answer(answer);
      const error = await create()({ name: "Andes" }).catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(ErrorClass);
      expect(server.received).toHaveLength(1);
    },
  );

  it("gives up on a 429 after its retries, as other methods do", async () => {
    server.answer(json(429, { detail: "Slow down." }));
    await expect(create()({ name: "Andes" })).rejects.toBeInstanceOf(PiriodRateLimitError);
    expect(server.received).toHaveLength(3);
  });
});

describe("a POST to a closed port", () => {
  it.each([
    ["node", 3, "Node's transport knows a refused connection sent nothing: retried"],
    ["fetch", 1, "fetch cannot tell a refused connection from a reset after sending: not retried"],
  ] as const)("through the %s transport makes %i attempt(s): %s", async (transport, attempts, _why) => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const method = operationMethod(CREATE, { baseUrl: closed, transport, maxRetries: 2 });
    await expect(method({ name: "Andes" })).rejects.toBeInstanceOf(PiriodConnectionError);
    expect(
      method.logged.filter(
        ([level, message]) => level === "debug" && /: attempt \d of 3 failed \(connection\) in \d+ ms$/.test(message),
      ),
    ).toHaveLength(attempts);
  });
});

describe("a GET, by contrast", () => {
  it("is retried after a 500 and a timeout", async () => {
    server.answer(json(500, {}), slowHeaders(2_000, created), json(200, { id: "wid_1" }));
    const method = operationMethod(
      { method: "GET", path: "/widgets/", pathParams: [], status: 200, response: accept },
      { baseUrl: server.url, maxRetries: 2, timeoutMs: 300 },
    );
    await expect(method()).resolves.toEqual({ id: "wid_1" });
    expect(server.received).toHaveLength(3);
  });
});

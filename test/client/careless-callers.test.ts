import { getEventListeners } from "node:events";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as fetchEntry from "../../src/index.js";
import * as nodeEntry from "../../src/node.js";
import { API_KEY, body, CUSTOMER_ID, customer, WORKSPACE } from "../helpers/client-fixtures.ts";
import { expectNoUnhandledRejections } from "../helpers/client-unhandled.ts";
import { defined } from "../helpers/defined.ts";
import { type FaultServer, json, startFaultServer } from "../helpers/http-fault-server.ts";

// Callers that pass odd values, against both entries over a real local server: every bad input is a
// rejected promise carrying a PiriodError (the original error as its cause), and nothing is sent.
expectNoUnhandledRejections();

let server: FaultServer;
beforeAll(async () => (server = await startFaultServer()));
afterAll(() => server.close());
beforeEach(() => {
  server.received.length = 0;
  server.answer(json(200, customer));
});

const ENTRIES = [
  ["the node entry", nodeEntry],
  ["the fetch entry", fetchEntry],
] as const;

/** A value whose `toJSON` gives the body, as a class instance a caller keeps its data in might. */
class Draft {
  constructor(private readonly fields: object) {}
  toJSON() {
    return this.fields;
  }
}

describe.each(ENTRIES)("%s", (_entry, { createPiriodClient, PiriodError, PiriodValidationError }) => {
  const client = (options: object = {}) =>
    createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl: server.url, maxRetries: 0, ...options });
  /** Calls `make` and returns what it threw synchronously, or else what its promise rejected with. */
  const rejection = async (make: () => Promise<unknown>) => {
    let promise: Promise<unknown>;
    try {
      promise = make();
    } catch (thrown) {
      return { synchronously: thrown };
    }
    expect(promise).toBeInstanceOf(Promise);
    return {
      rejected: await promise.then(
        () => expect.fail("the call succeeded"),
        (reason: unknown) => reason as Error,
      ),
    };
  };

  describe("a body that cannot be sent as it is", () => {
    const circular: Record<string, unknown> = { ...body };
    circular.metadata = { self: circular };
    it.each([
      [
        "a getter that throws",
        Object.defineProperty({ ...body }, "email", {
          enumerable: true,
          get: () => {
            throw new RangeError("no email yet");
          },
        }),
        RangeError,
      ],
      ["a circular structure", circular, TypeError],
      ["a BigInt in metadata", { ...body, metadata: { total: 10n } }, TypeError],
      [
        "a toJSON that throws in metadata",
        {
          ...body,
          metadata: {
            when: {
              toJSON: () => {
                throw new Error("not now");
              },
            },
          },
        },
        Error,
      ],
    ])(
      "%s is a rejected promise with a PiriodValidationError whose cause is the original error, and nothing is sent",
      async (_case, broken, Cause) => {
        const outcome = await rejection(() => client().customers.update(CUSTOMER_ID, broken as typeof body));
        expect(outcome).not.toHaveProperty("synchronously");
        expect(outcome.rejected).toBeInstanceOf(PiriodValidationError);
        expect((outcome.rejected as Error).message).toMatch(
          /^customers\.update: the call is refused, nothing was sent: the body cannot be written as JSON/,
        );
        expect((outcome.rejected as Error).cause).toBeInstanceOf(Cause);
        expect(server.received).toEqual([]);
      },
    );

    it("is validated as the JSON it is sent as: a toJSON that gives an off-schema body is refused", async () => {
      const outcome = await rejection(() =>
        client().customers.update(
          CUSTOMER_ID,
          new Draft({ ...body, name: 42, nickname: "Andes" }) as unknown as typeof body,
        ),
      );
      expect(outcome.rejected).toBeInstanceOf(PiriodValidationError);
      expect(
        (outcome.rejected as InstanceType<typeof PiriodValidationError>).errors.map((issue) => issue.path),
      ).toEqual(["/nickname", "/name"]);
      expect(server.received).toEqual([]);
    });

    it("is refused when its JSON is nothing at all", async () => {
      const outcome = await rejection(() =>
        client().customers.update(CUSTOMER_ID, new Draft(undefined as never) as unknown as typeof body),
      );
      expect(outcome.rejected).toBeInstanceOf(PiriodValidationError);
      expect((outcome.rejected as Error).message).toMatch(/a body is required/);
      expect(server.received).toEqual([]);
    });

    it("sends what toJSON gives when that passes the schema", async () => {
      await client().customers.update(CUSTOMER_ID, new Draft(body) as unknown as typeof body);
      expect(JSON.parse(defined(server.received[0], "the request sent").body)).toEqual(body);
    });
  });

  it("refuses a create whose body cannot be written as JSON, and a list whose query cannot be read, sending nothing", async () => {
    const created = await rejection(() => client().customers.create({ ...body, metadata: { total: 10n } } as never));
    expect(created.rejected).toBeInstanceOf(PiriodValidationError);
    expect((created.rejected as Error).message).toMatch(
      /^customers\.create: the call is refused, nothing was sent: the body cannot be written as JSON/,
    );
    const unreadable = Object.defineProperty({}, "country", {
      enumerable: true,
      get: () => {
        throw new TypeError("no text");
      },
    });
    const listed = await rejection(() => client().customers.list(unreadable as never));
    expect(listed.rejected).toBeInstanceOf(PiriodValidationError);
    expect((listed.rejected as Error).message).toMatch(
      /^customers\.list: the call is refused, nothing was sent: the arguments cannot be read/,
    );
    expect((listed.rejected as Error).cause).toBeInstanceOf(TypeError);
    expect(server.received).toEqual([]);
  });

  it("refuses per-call options whose reading throws with a rejected PiriodValidationError, naming the call", async () => {
    const options = Object.defineProperty({}, "timeoutMs", {
      enumerable: true,
      get: () => {
        throw new Error("no timeout");
      },
    });
    const outcome = await rejection(() => client().customers.retrieve(CUSTOMER_ID, options));
    expect(outcome.rejected).toBeInstanceOf(PiriodValidationError);
    expect((outcome.rejected as Error).message).toMatch(
      /^customers\.retrieve: .*the arguments cannot be read \(no timeout\)/,
    );
    expect(server.received).toEqual([]);
  });

  it("refuses client options whose reading throws with a PiriodError", () => {
    const options = Object.defineProperty({ apiKey: API_KEY, workspace: WORKSPACE }, "baseUrl", {
      enumerable: true,
      get: () => {
        throw new Error("not configured");
      },
    });
    expect(() => createPiriodClient(options)).toThrow(PiriodError);
    expect(() => createPiriodClient(options)).toThrow(
      /^createPiriodClient: the options cannot be read \(not configured\)$/,
    );
  });

  it("names the method that was called in its option errors", async () => {
    await expect(client().customers.retrieve(CUSTOMER_ID, { timeoutMs: -1 })).rejects.toThrow(
      /^customers\.retrieve: timeoutMs must be/,
    );
    await expect(client().customers.update(CUSTOMER_ID, body, { timeout: 1 } as never)).rejects.toThrow(
      /^customers\.update: unknown option "timeout"/,
    );
  });

  describe("headers the client or its transport owns", () => {
    it.each([
      "content-length",
      "Transfer-Encoding",
      "connection",
      "keep-alive",
      "upgrade",
      "host",
      "te",
      "trailer",
      "expect",
      "accept-encoding",
      "authorization",
      "x-simple-workspace",
      "x-piriod-test-mode",
    ])("refuses %s in the headers option, naming it and what to use instead", (name) => {
      expect(() => client({ headers: { [name]: "5" } })).toThrow(
        new RegExp(`^createPiriodClient: headers: "${name}" is set by the client; use (the \\w+ option|nothing: )`),
      );
    });

    it("refuses a framing header on a raw call, sending nothing, and the shared connection stays in step", async () => {
      const piriod = client();
      const outcome = await rejection(() =>
        piriod.raw.GET("/customers/{id}/", {
          params: { path: { id: CUSTOMER_ID } },
          headers: { "content-length": "5" },
        }),
      );
      expect(outcome.rejected).toBeInstanceOf(PiriodValidationError);
      expect((outcome.rejected as Error).message).toMatch(/the "content-length" header is the transport's to set/);
      expect(server.received).toEqual([]);
      // Another client of the process, on the same keep-alive connections, is read as sent.
      await expect(client().customers.update(CUSTOMER_ID, body)).resolves.toEqual(customer);
      await expect(piriod.customers.retrieve(CUSTOMER_ID)).resolves.toEqual(customer);
      expect(server.received.map(({ method, body: sent }) => [method, sent])).toEqual([
        ["PATCH", JSON.stringify(body)],
        ["GET", ""],
      ]);
    });

    it("refuses a framing header that raw middleware adds", async () => {
      const piriod = client();
      piriod.raw.use({
        onRequest: ({ request }) =>
          new Request(request, { headers: { ...Object.fromEntries(request.headers), "transfer-encoding": "chunked" } }),
      });
      const outcome = await rejection(() =>
        piriod.raw.PATCH("/customers/{id}/", { params: { path: { id: CUSTOMER_ID } }, body }),
      );
      expect(outcome.rejected).toBeInstanceOf(PiriodValidationError);
      expect(server.received).toEqual([]);
    });
  });

  describe("messages", () => {
    it("redact a short key only where it stands as a token, so other words and numbers stay readable", async () => {
      server.answer(json(500, { detail: "upstream 500 from 5xx pool: Token 5 refused" }));
      const error = (await client({ apiKey: "5" })
        .customers.retrieve(CUSTOMER_ID)
        .catch((reason: Error) => reason)) as Error;
      expect(error.message).toBe(
        `GET /customers/${CUSTOMER_ID}/ failed with 500: upstream 500 from 5xx pool: Token [redacted] refused`,
      );
    });

    it("shorten a long id, keeping the message bounded", async () => {
      server.answer(json(404, { detail: "Not found." }));
      // 10 kB: a server's limit on a request line (Node's is 16 kB) keeps it from being longer.
      const id = `cus_${"x".repeat(10_000)}`;
      const error = (await client()
        .customers.retrieve(id)
        .catch((reason: Error) => reason)) as Error;
      expect(error.message.length).toBeLessThan(300);
      expect(error.message).toMatch(/^GET \/customers\/cus_x+…\(10016 characters\) failed with 404: Not found\.$/);
      expect(defined(server.received[0], "the request sent").url).toBe(`/customers/${id}/`);
    });
  });

  it("shares one long-lived signal among many calls at once without a warning, and leaves no listener on it", async () => {
    const warnings: Error[] = [];
    const record = (warning: Error) => warnings.push(warning);
    process.on("warning", record);
    try {
      const controller = new AbortController();
      const piriod = client();
      await Promise.all(
        Array.from({ length: 30 }, () => piriod.customers.retrieve(CUSTOMER_ID, { signal: controller.signal })),
      );
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((warning) => warning.name)).not.toContain("MaxListenersExceededWarning");
      expect(getEventListeners(controller.signal, "abort")).toEqual([]);
      expect(server.received).toHaveLength(30);
    } finally {
      process.off("warning", record);
    }
  });
});

import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as fetchEntry from "../../src/index.js";
import * as nodeEntry from "../../src/node.js";
import { API_KEY, body, CUSTOMER_ID, customer, WORKSPACE } from "../helpers/client-fixtures.ts";
import { expectNoUnhandledRejections } from "../helpers/client-unhandled.ts";
import { defined } from "../helpers/defined.ts";
import { type FaultServer, json, reply, startFaultServer } from "../helpers/http-fault-server.ts";
import { endlessBody, startRawHttpServer } from "../helpers/raw-http-server.ts";

// Servers that misbehave on purpose, against both entries over real sockets: the Node entry's own
// transport and the fetch entry's global fetch. Each case asserts the error class and how many
// requests reached the server, never how long anything took.
expectNoUnhandledRejections();

const ENTRIES = [
  ["the node entry", nodeEntry],
  ["the fetch entry", fetchEntry],
] as const;

let server: FaultServer;
let elsewhere: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
  elsewhere = await startFaultServer();
});
afterAll(async () => {
  await server.close();
  await elsewhere.close();
});
beforeEach(() => {
  server.received.length = 0;
  elsewhere.received.length = 0;
});

describe.each(ENTRIES)(
  "%s",
  (_entry, { createPiriodClient, PiriodApiError, PiriodError, PiriodProtocolError, PiriodResponseTooLargeError }) => {
    const client = (baseUrl: string, options: object = {}) =>
      createPiriodClient({
        apiKey: API_KEY,
        workspace: WORKSPACE,
        baseUrl,
        maxRetries: 2,
        timeoutMs: 10_000,
        ...options,
      });
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => expect.fail("the call succeeded"),
        (reason: unknown) => reason as Error,
      );

    /** A call of each shape of operation: a read, a list, an update, a create, a delete. */
    const CALLS = [
      [
        "GET /customers/cus_01H8XYZ123ABC/",
        (piriod: ReturnType<typeof client>) => piriod.customers.retrieve(CUSTOMER_ID),
      ],
      // A message names the query's parameters, not their values (an email in a filter is personal data).
      ["GET /customers/?country", (piriod: ReturnType<typeof client>) => piriod.customers.list({ country: "CL" })],
      [
        "PATCH /customers/cus_01H8XYZ123ABC/",
        (piriod: ReturnType<typeof client>) => piriod.customers.update(CUSTOMER_ID, body),
      ],
      ["POST /customers/", (piriod: ReturnType<typeof client>) => piriod.customers.create(body)],
      [
        "DELETE /customers/cus_01H8XYZ123ABC/",
        (piriod: ReturnType<typeof client>) => piriod.customers.delete(CUSTOMER_ID),
      ],
    ] as const;

    describe("a body larger than maxResponseBytes", () => {
      it.each(CALLS)(
        "that never ends fails %s with PiriodResponseTooLargeError naming the limit, after one attempt",
        async (call, send) => {
          const raw = await startRawHttpServer((socket) => endlessBody(socket));
          try {
            const error = await failure(send(client(raw.url, { maxResponseBytes: 1_048_576 })));
            expect(error).toBeInstanceOf(PiriodResponseTooLargeError);
            expect(error).toBeInstanceOf(PiriodError);
            expect(error.message).toBe(
              `${call} failed: the response's body is larger than maxResponseBytes (1048576 bytes)`,
            );
            expect(raw.requests).toHaveLength(1);
          } finally {
            await raw.close();
          }
        },
      );

      it("announced by its Content-Length fails before any of it is read, however long the body would take", async () => {
        // The body never comes: a client that waited to read it would end in a timeout instead.
        server.answer((response) =>
          response.writeHead(200, { "content-type": "application/json", "content-length": "2000000" }).write("{"),
        );
        const error = await failure(
          client(server.url, { maxResponseBytes: 1_000_000, timeoutMs: 5_000, maxRetries: 0 }).customers.retrieve(
            CUSTOMER_ID,
          ),
        );
        expect(error).toBeInstanceOf(PiriodResponseTooLargeError);
        expect(server.received).toHaveLength(1);
      });

      it("counts the decoded bytes of a compressed body", async () => {
        const bomb = gzipSync(Buffer.alloc(4_000_000, " "));
        server.answer((response) =>
          response
            .writeHead(200, {
              "content-type": "application/json",
              "content-encoding": "gzip",
              "content-length": String(bomb.length),
            })
            .end(bomb),
        );
        expect(bomb.length).toBeLessThan(1_000_000);
        const error = await failure(
          client(server.url, { maxResponseBytes: 1_000_000 }).customers.retrieve(CUSTOMER_ID),
        );
        expect(error).toBeInstanceOf(PiriodResponseTooLargeError);
        expect(server.received).toHaveLength(1);
      });
    });

    describe("a redirect", () => {
      it("answered to a PATCH with 303 is a PiriodApiError naming the Location, and no GET follows", async () => {
        server.answer(reply(303, "", { location: `${server.url}/customers/${CUSTOMER_ID}/` }), json(200, customer));
        const error = await failure(client(server.url).customers.update(CUSTOMER_ID, body));
        expect(error).toBeInstanceOf(PiriodApiError);
        expect(error).toMatchObject({ status: 303 });
        expect(error.message).toContain(`redirected to ${server.url}/customers/${CUSTOMER_ID}/ (not followed`);
        expect(server.received.map((request) => request.method)).toEqual(["PATCH"]);
      });

      it.each(CALLS)("answered to %s with 308 is not followed", async (_call, send) => {
        server.answer(reply(308, "", { location: `${elsewhere.url}/customers/` }));
        const error = await failure(send(client(server.url)));
        expect(error).toMatchObject({ status: 308 });
        expect([server.received.length, elsewhere.received.length]).toEqual([1, 0]);
      });

      it("with 307 to another origin sends nothing there: not the body, the key or the workspace", async () => {
        server.answer(reply(307, "", { location: `${elsewhere.url}/customers/${CUSTOMER_ID}/` }));
        const error = await failure(
          client(server.url, { headers: { "x-team": "billing" } }).customers.update(CUSTOMER_ID, body),
        );
        expect(error).toMatchObject({ status: 307 });
        expect(server.received).toHaveLength(1);
        expect(elsewhere.received).toEqual([]);
      });
    });

    describe("an answer that is no HTTP response", () => {
      it.each([
        [
          "a 101 Switching Protocols nobody asked for",
          "HTTP/1.1 101 Switching Protocols\r\nconnection: upgrade\r\nupgrade: websocket\r\n\r\n",
        ],
        ["a status line that is not HTTP", "HTTZ/1.1 2000 OK\r\n\r\n"],
      ])("%s fails with PiriodProtocolError after one attempt", async (_case, answer) => {
        const raw = await startRawHttpServer((socket) => socket.write(answer));
        try {
          const error = await failure(client(raw.url).customers.retrieve(CUSTOMER_ID));
          expect(error).toBeInstanceOf(PiriodProtocolError);
          expect(raw.requests).toHaveLength(1);
        } finally {
          await raw.close();
        }
      });

      it("while a 103 Early Hints before the answer is passed over", async () => {
        const text = JSON.stringify(customer);
        const answer = `HTTP/1.1 103 Early Hints\r\nlink: </a>\r\n\r\nHTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
        const raw = await startRawHttpServer((socket) => socket.write(answer));
        try {
          await expect(client(raw.url).customers.retrieve(CUSTOMER_ID)).resolves.toEqual(customer);
        } finally {
          await raw.close();
        }
      });
    });

    describe("a compressed answer", () => {
      it.each([
        ["gzip", gzipSync],
        ["br", brotliCompressSync],
      ])("in %s is decoded", async (encoding, compress) => {
        const packed = compress(Buffer.from(JSON.stringify(customer)));
        server.answer((response) =>
          response
            .writeHead(200, {
              "content-type": "application/json",
              "content-encoding": encoding,
              "content-length": String(packed.length),
            })
            .end(packed),
        );
        await expect(client(server.url).customers.retrieve(CUSTOMER_ID)).resolves.toEqual(customer);
        expect(defined(server.received[0], "the request sent").headers["accept-encoding"]).toBe("gzip, br");
      });
    });
  },
);

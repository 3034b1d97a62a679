import type { Socket } from "node:net";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as fetchEntry from "../../src/index.js";
import * as nodeEntry from "../../src/node.js";
import { API_KEY, body, CUSTOMER_ID, customer, WORKSPACE } from "../helpers/client-fixtures.ts";
import { expectNoUnhandledRejections } from "../helpers/client-unhandled.ts";
import { startFaultServer } from "../helpers/http-fault-server.ts";
import { type RawHttpServer, startRawHttpServer } from "../helpers/raw-http-server.ts";

// What an answer's bytes come to, the same in the Node entry's transport and the fetch entry's
// global fetch: each case a server on 127.0.0.1 that writes exactly those bytes.
expectNoUnhandledRejections();

const CUSTOMER = JSON.stringify(customer);

let raw: RawHttpServer | undefined;
afterEach(async () => {
  await raw?.close();
  raw = undefined;
});

/** A server answering every request with `answer`'s bytes. */
async function serving(answer: (socket: Socket, requestLine: string) => void): Promise<string> {
  raw = await startRawHttpServer(answer);
  return raw.url;
}

const head = (status: string, headers: Record<string, string | number>) =>
  `HTTP/1.1 ${status}\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("")}\r\n`;

describe.each([
  ["the node entry", nodeEntry],
  ["the fetch entry", fetchEntry],
] as const)("%s", (_entry, { createPiriodClient }) => {
  const piriod = (baseUrl: string) =>
    createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl, maxRetries: 2, timeoutMs: 10_000 });
  const requests = () => raw?.requests.length;

  describe("a complete answer followed by stray bytes", () => {
    it("resolves a create to its 201, and the next call goes through", async () => {
      const url = await serving((socket, line) =>
        socket.write(
          line.startsWith("POST")
            ? `${head("201 Created", { "content-type": "application/json", "content-length": Buffer.byteLength(CUSTOMER) })}${CUSTOMER}HTTP/1.1 stray`
            : `${head("200 OK", { "content-type": "application/json", "content-length": Buffer.byteLength(CUSTOMER) })}${CUSTOMER}`,
        ),
      );
      const client = piriod(url);
      await expect(client.customers.create(body)).resolves.toEqual(customer);
      expect(requests()).toBe(1);
      await expect(client.customers.retrieve(CUSTOMER_ID)).resolves.toEqual(customer);
      expect(requests()).toBe(2);
    });

    it("resolves a delete to its 204", async () => {
      const url = await serving((socket) => socket.write(`${head("204 No Content", {})}\x00\x01garbage`));
      await expect(piriod(url).customers.delete(CUSTOMER_ID)).resolves.toBeUndefined();
      expect(requests()).toBe(1);
    });
  });

  describe("an answer that is no HTTP response to the request", () => {
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => expect.fail("the call succeeded"),
        (reason: unknown) => reason as Error,
      );

    it("with headers over 16 kB is a PiriodProtocolError, not retried", async () => {
      const url = await serving((socket) =>
        socket.write(
          `${head("200 OK", { "content-type": "application/json", "x-padding": "a".repeat(20_000), "content-length": 2 })}{}`,
        ),
      );
      const error = await failure(piriod(url).customers.retrieve(CUSTOMER_ID));
      expect(error).toBeInstanceOf(fetchEntry.PiriodProtocolError);
      expect(error.message).toBe(`GET /customers/${CUSTOMER_ID}/ failed: the response's headers are larger than 16 kB`);
      expect(requests()).toBe(1);
    });

    it("with six 100 Continue and no final response is a PiriodProtocolError at once, not retried", async () => {
      const url = await serving((socket) => socket.write("HTTP/1.1 100 Continue\r\n\r\n".repeat(6)));
      const error = await failure(piriod(url).customers.retrieve(CUSTOMER_ID));
      expect(error).toBeInstanceOf(fetchEntry.PiriodProtocolError);
      expect(error.message).toMatch(/^GET \/customers\/cus_01H8XYZ123ABC\/ failed: /);
      expect(requests()).toBe(1);
    });
  });
  describe("an encoding", () => {
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => expect.fail("the call succeeded"),
        (reason: unknown) => reason as Error,
      );
    const encoded = (encoding: string, bytes: Buffer) => (socket: Socket) =>
      socket.write(
        Buffer.concat([
          Buffer.from(
            head("200 OK", {
              "content-type": "application/json",
              "content-encoding": encoding,
              "content-length": bytes.length,
            }),
          ),
          bytes,
        ]),
      );

    it.each([
      ["zstd", "zstd", Buffer.from(CUSTOMER)],
      ["deflate", "deflate", deflateSync(CUSTOMER)],
    ])("not asked for (%s) is a PiriodProtocolError, not retried", async (_case, encoding, bytes) => {
      const url = await serving(encoded(encoding, bytes));
      const error = await failure(piriod(url).customers.retrieve(CUSTOMER_ID));
      expect(error).toBeInstanceOf(fetchEntry.PiriodProtocolError);
      expect(error.message).toBe(
        `GET /customers/${CUSTOMER_ID}/ failed: the response is encoded as ${encoding}, which the client did not ask for`,
      );
      expect(requests()).toBe(1);
    });

    it("asked for, gzip, cut short, is refused and not retried", async () => {
      const url = await serving(encoded("gzip", gzipSync(CUSTOMER).subarray(0, 30)));
      const error = await failure(piriod(url).customers.retrieve(CUSTOMER_ID));
      // The platform's fetch decodes a gzip cut short as far as it goes, as browsers do: the fetch entry sees a body cut short.
      expect(error).toBeInstanceOf(
        createPiriodClient === nodeEntry.createPiriodClient
          ? fetchEntry.PiriodProtocolError
          : fetchEntry.PiriodResponseValidationError,
      );
      expect(requests()).toBe(1);
    });

    it.each([
      ["gzip", gzipSync],
      ["br", brotliCompressSync],
    ])("asked for (%s) is decoded, and both entries ask for gzip and br alone", async (encoding, compress) => {
      const server = await startFaultServer();
      try {
        const packed = compress(CUSTOMER);
        server.answer((response) =>
          response
            .writeHead(200, {
              "content-type": "application/json",
              "content-encoding": encoding,
              "content-length": packed.length,
            })
            .end(packed),
        );
        await expect(piriod(server.url).customers.retrieve(CUSTOMER_ID)).resolves.toEqual(customer);
        expect(server.received[0]?.headers["accept-encoding"]).toBe("gzip, br");
      } finally {
        await server.close();
      }
    });
  });
  describe("a body's bytes", () => {
    const answering = (status: string, contentType: string, bytes: Buffer) => (socket: Socket) =>
      socket.write(
        Buffer.concat([
          Buffer.from(head(status, { "content-type": contentType, "content-length": bytes.length })),
          bytes,
        ]),
      );
    const named = { ...customer, name: "Compañía Señora Ñuñoa" };

    it("after a byte-order mark are read as JSON, the mark left out", async () => {
      const url = await serving(answering("200 OK", "application/json", Buffer.from(`\ufeff${CUSTOMER}`)));
      await expect(piriod(url).customers.retrieve(CUSTOMER_ID)).resolves.toEqual(customer);
    });

    it.each([
      ["iso-8859-1", (text: string) => Buffer.from(text, "latin1")],
      ['"windows-1252"', (text: string) => Buffer.from(text, "latin1")],
      ["UTF-16LE", (text: string) => Buffer.from(text, "utf16le")],
    ])("in charset %s are decoded in it", async (charset, encode) => {
      const url = await serving(
        answering("200 OK", `application/json; charset=${charset}`, encode(JSON.stringify(named))),
      );
      await expect(piriod(url).customers.retrieve(CUSTOMER_ID)).resolves.toEqual(named);
    });

    it("arriving in pieces that cut characters in two are decoded whole, by one call of a decoder", async () => {
      const long = { ...customer, name: "Ñuñoa ".repeat(20_000) };
      const bytes = Buffer.from(JSON.stringify(long));
      const url = await serving(async (socket) => {
        socket.write(head("200 OK", { "content-type": "application/json", "content-length": bytes.length }));
        // Pieces of an odd length cut most two-byte characters; a pause between them makes each its own read.
        for (let at = 0; at < bytes.length; at += 4_099) {
          socket.write(bytes.subarray(at, at + 4_099));
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      });
      // A decoder fed piece by piece takes several times as long in Node 20 as one given the whole body.
      const decode = vi.spyOn(TextDecoder.prototype, "decode");
      try {
        await expect(piriod(url).customers.retrieve(CUSTOMER_ID)).resolves.toEqual(long);
        expect(decode.mock.calls.length).toBeLessThanOrEqual(1);
      } finally {
        decode.mockRestore();
      }
    });

    it("in a charset the platform cannot decode make a 2xx a PiriodResponseValidationError naming it", async () => {
      const url = await serving(answering("200 OK", "application/json; charset=x-klingon", Buffer.from(CUSTOMER)));
      const error = await piriod(url)
        .customers.retrieve(CUSTOMER_ID)
        .catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(fetchEntry.PiriodResponseValidationError);
      expect(error).toMatchObject({
        status: 200,
        body: "",
        message: `GET /customers/${CUSTOMER_ID}/ answered 200 with a body that is not what the spec promises: the body is in charset x-klingon, which this platform cannot decode`,
      });
      expect(requests()).toBe(1);
    });

    it("in a charset the platform cannot decode make raw's 2xx a PiriodResponseValidationError too", async () => {
      const url = await serving(answering("200 OK", "application/json; charset=x-klingon", Buffer.from(CUSTOMER)));
      const call = piriod(url).raw.GET("/customers/{id}/", { params: { path: { id: CUSTOMER_ID } } });
      await expect(call).rejects.toBeInstanceOf(fetchEntry.PiriodResponseValidationError);
      await expect(call).rejects.toThrow(/the body is in charset x-klingon, which this platform cannot decode$/);
    });

    it("in a charset the platform cannot decode leave a 404 a PiriodNotFoundError, its body unread", async () => {
      const url = await serving(
        answering("404 Not Found", "text/html; charset=x-klingon", Buffer.from("<title>Nope</title>")),
      );
      const error = await piriod(url)
        .customers.retrieve(CUSTOMER_ID)
        .catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(fetchEntry.PiriodNotFoundError);
      expect(error).toMatchObject({
        status: 404,
        body: "",
        message: `GET /customers/${CUSTOMER_ID}/ failed with 404: (a body in charset x-klingon, which this platform cannot decode)`,
      });
    });
  });
});

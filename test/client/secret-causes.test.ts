import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as fetchEntry from "../../src/index.js";
import * as nodeEntry from "../../src/node.js";
import { API_KEY, CUSTOMER_ID, WORKSPACE } from "../helpers/client-fixtures.ts";
import { expectNoApiKey, renderings } from "../helpers/client-secrets.ts";
import { expectNoUnhandledRejections } from "../helpers/client-unhandled.ts";
import { type FaultServer, reply, startFaultServer } from "../helpers/http-fault-server.ts";
import { type RawHttpServer, startRawHttpServer } from "../helpers/raw-http-server.ts";

// The key shows nowhere, an error's causes included: not in what a mocking library's error says of
// the request, nor in the bytes undici keeps of an answer it could not parse, nor in a JSON parse
// error's quote of a body. Through both entries, against real local servers.
expectNoUnhandledRejections();

let server: FaultServer;
let echo: RawHttpServer;
beforeAll(async () => {
  server = await startFaultServer();
  // An answer HTTP cannot parse (a control character in a header value), followed by the request it answers, key and all.
  echo = await startRawHttpServer((socket, requestLine) =>
    socket.write(
      `HTTP/1.1 200 OK\r\ncontent-length: 5\r\nx-bad: a\x01b\r\n${requestLine}\r\nauthorization: Token ${API_KEY}\r\n\r\n`,
    ),
  );
});
afterAll(async () => {
  await server.close();
  await echo.close();
});
beforeEach(() => {
  server.received.length = 0;
});

/** A fetch that fails as a mocking library does when no mock matches: its error names the request, headers and all. */
const unmatched = async (request: Request) => {
  const described = JSON.stringify({
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers),
  });
  throw new TypeError("fetch failed", {
    cause: Object.assign(new Error(`Nock: No match for request ${described}`), {
      code: "ERR_NOCK_NO_MATCH",
      request: described,
    }),
  });
};

describe.each([
  ["the node entry", nodeEntry],
  ["the fetch entry", fetchEntry],
] as const)(
  "%s",
  (_entry, { createPiriodClient, PiriodConnectionError, PiriodProtocolError, PiriodResponseValidationError }) => {
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => expect.fail("the call succeeded"),
        (reason: unknown) => reason as Error,
      );

    it("keeps the key out of the causes of an answer that echoes the request after a bad header", async () => {
      const piriod = createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl: echo.url, maxRetries: 0 });
      const error = await failure(piriod.customers.retrieve(CUSTOMER_ID));
      expect(error).toBeInstanceOf(PiriodProtocolError);
      expect(error.cause).toBeInstanceOf(Error);
      expectNoApiKey(error);
    });

    it("keeps the key out of the causes of an injected fetch's error that names the request's headers", async () => {
      const piriod = createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, fetch: unmatched, maxRetries: 0 });
      const error = await failure(piriod.customers.retrieve(CUSTOMER_ID));
      expect(error).toBeInstanceOf(PiriodConnectionError);
      expect(error.cause).toBeInstanceOf(TypeError);
      expect(((error.cause as Error).cause as Error).message).toContain('"authorization":"Token [redacted]"');
      expect(((error.cause as Error).cause as { code?: string }).code).toBe("ERR_NOCK_NO_MATCH");
      expectNoApiKey(error);
    });

    it.each([
      ["the key", API_KEY],
      ["a short key", "k3y"],
    ])("keeps %s out of the JSON error of a 2xx whose body is exactly the key", async (_case, key) => {
      server.answer(reply(200, key, { "content-type": "application/json" }));
      const piriod = createPiriodClient({ apiKey: key, workspace: WORKSPACE, baseUrl: server.url, maxRetries: 0 });
      const error = await failure(piriod.customers.retrieve(CUSTOMER_ID));
      expect(error).toBeInstanceOf(PiriodResponseValidationError);
      expect(error.message).toBe(
        `GET /customers/${CUSTOMER_ID}/ answered 200 with a body that is not what the spec promises: the body is not valid JSON ([redacted])`,
      );
      for (const [how, text] of Object.entries(renderings(error))) expect(text, how).not.toContain(key.slice(0, 10));
    });
  },
);

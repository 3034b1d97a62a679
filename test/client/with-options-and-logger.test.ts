import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as fetchEntry from "../../src/index.js";
import * as nodeEntry from "../../src/node.js";
import { API_KEY, body, CUSTOMER_ID, customer, transportClient, WORKSPACE } from "../helpers/client-fixtures.ts";
import { defined } from "../helpers/defined.ts";
import { type FaultServer, json, startFaultServer } from "../helpers/http-fault-server.ts";

let server: FaultServer;
/** The client port of each request the server took: one port, one connection. */
const ports: number[] = [];
beforeAll(async () => (server = await startFaultServer()));
afterAll(() => server.close());
beforeEach(() => {
  server.received.length = 0;
  ports.length = 0;
  server.answer((response, request) => {
    ports.push(defined(request.socket.remotePort, "the port the request came from"));
    json(200, customer)(response, request, () => {});
  });
});

describe.each([
  ["the node entry", nodeEntry],
  ["the fetch entry", fetchEntry],
] as const)("%s", (_entry, { createPiriodClient, PiriodError }) => {
  const client = (options = {}) =>
    createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl: server.url, maxRetries: 0, ...options });

  describe("withOptions", () => {
    it("makes a client for another workspace that shares the key, the transport and its connections", async () => {
      const piriod = client({ headers: { "x-team": "billing" } });
      const other = piriod.withOptions({
        workspace: "acc_other",
        testMode: true,
        headers: { "x-request-source": "sync" },
      });
      await piriod.customers.retrieve(CUSTOMER_ID);
      await other.customers.retrieve(CUSTOMER_ID);
      await piriod.customers.retrieve(CUSTOMER_ID);
      const [first, second, third] = server.received.map((request) => request.headers);
      expect(first).toMatchObject({
        authorization: `Token ${API_KEY}`,
        "x-simple-workspace": WORKSPACE,
        "x-team": "billing",
      });
      expect(first).not.toHaveProperty("x-piriod-test-mode");
      expect(second).toMatchObject({
        authorization: `Token ${API_KEY}`,
        "x-simple-workspace": "acc_other",
        "x-piriod-test-mode": "true",
        "x-team": "billing",
        "x-request-source": "sync",
      });
      expect(third).toMatchObject({ "x-simple-workspace": WORKSPACE });
      // One keep-alive connection of the Node transport served all three: the clients share it. (The global fetch pools as its runtime does.)
      if (createPiriodClient === nodeEntry.createPiriodClient) expect(new Set(ports).size).toBe(1);
    });

    it("takes the limits too, and has a withOptions and a raw of its own", async () => {
      const other = client().withOptions({ timeoutMs: 5_000, maxRetries: 1 }).withOptions({ workspace: "acc_third" });
      const { data } = await other.raw.GET("/customers/{id}/", { params: { path: { id: CUSTOMER_ID } } });
      expect(data).toEqual(customer);
      expect(defined(server.received[0], "the request sent").headers["x-simple-workspace"]).toBe("acc_third");
    });

    it.each<[string, object, RegExp]>([
      [
        "a key of its own",
        { apiKey: "sk_other" },
        /^withOptions: unknown option "apiKey"; the options are workspace, testMode, timeoutMs, maxRetries, headers$/,
      ],
      ["a workspace with a line break", { workspace: "acc\nX: 1" }, /^withOptions: workspace is required/],
      [
        "a header the client sets",
        { headers: { authorization: "Token other" } },
        /^withOptions: headers: "authorization" is set by the client/,
      ],
      ["a zero timeout", { timeoutMs: 0 }, /^withOptions: timeoutMs must be/],
    ])("refuses %s, naming the option", (_case, overrides, message) => {
      expect(() => client().withOptions(overrides as never)).toThrow(PiriodError);
      expect(() => client().withOptions(overrides as never)).toThrow(message);
    });
  });

  describe("logger", () => {
    /** A console-compatible logger that keeps what it is told. */
    const recorder = () => {
      const lines: [string, string][] = [];
      const at = (level: string) => (message: string) => void lines.push([level, message]);
      return { lines, logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") } };
    };

    it("reports each attempt at debug, each retry with its reason and wait at info, and a 5xx at the end at error, never with the key", async () => {
      server.answer(
        json(503, { detail: "Busy." }, { "retry-after": "0" }),
        json(503, { detail: "Busy." }, { "retry-after": "0" }),
        json(503, { detail: `Busy, Token ${API_KEY}.` }),
      );
      const { lines, logger } = recorder();
      // The entry's transport with the client's sleep recorded, so that the retries do not wait for real.
      const transport = createPiriodClient === nodeEntry.createPiriodClient ? "node" : "fetch";
      const piriod = transportClient(transport, { baseUrl: server.url, logger, logLevel: "debug", maxRetries: 2 });
      await expect(piriod.customers.update(CUSTOMER_ID, body)).rejects.toThrow(/failed with 503/);
      const path = `/customers/${CUSTOMER_ID}/`;
      const attempt = (number: number) =>
        expect.stringMatching(new RegExp(`: attempt ${number} of 3 answered 503 in \\d+ ms$`));
      expect(lines).toEqual([
        ["debug", attempt(1)],
        ["info", `PATCH ${path} answered 503; retrying in 500 ms (attempt 2 of 3)`],
        ["debug", attempt(2)],
        ["info", `PATCH ${path} answered 503; retrying in 500 ms (attempt 3 of 3)`],
        ["debug", attempt(3)],
        ["error", `PATCH ${path} failed with 503: Busy, Token [redacted].`],
      ]);
      expect(JSON.stringify(lines)).not.toContain(API_KEY);
    });

    it("reports from its level up: info by default, so a successful call says nothing", async () => {
      const { lines, logger } = recorder();
      await client({ logger }).customers.retrieve(CUSTOMER_ID);
      expect(lines).toEqual([]);
    });

    it("is refused without a console's methods, and so is an unknown level", () => {
      expect(() => client({ logger: { info: () => {} } })).toThrow(
        /^createPiriodClient: logger must have debug, info, warn and error methods, as console has$/,
      );
      expect(() => client({ logger: console, logLevel: "verbose" })).toThrow(
        /^createPiriodClient: logLevel must be one of debug, info, warn, error$/,
      );
    });
  });
});

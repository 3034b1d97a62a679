import os from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { PiriodError } from "../../src/errors.js";
import { createPiriodClient as createFetchClient } from "../../src/index.js";
import { createPiriodClient } from "../../src/node.js";
import { createPiriodFake } from "../../src/testing/index.ts";
import { API_KEY, CUSTOMER_ID, customer, jsonResponse, recordingFetch, WORKSPACE } from "../helpers/client-fixtures.ts";
import { defined } from "../helpers/defined.ts";

// plainHttpHosts: the one way to reach a test host other than localhost over plain http, such as
// a fake Piriod in a container next door (`piriod-fake --host 0.0.0.0`).
const valid = { apiKey: API_KEY, workspace: WORKSPACE };

describe("plainHttpHosts", () => {
  const scope = globalThis as { window?: unknown };
  afterEach(() => void delete scope.window);

  it("is needed for plain http to a host other than localhost, and names itself in the refusal", () => {
    expect(() => createPiriodClient({ ...valid, baseUrl: "http://piriod-fake:4010" })).toThrow(
      "createPiriodClient: baseUrl must use https (plain http is allowed only for localhost, or a host of plainHttpHosts): http://piriod-fake:4010/",
    );
  });

  it("lets the client send to the hosts it names over plain http, and to no other", async () => {
    const fetch = recordingFetch(jsonResponse(200, customer));
    const piriod = createFetchClient({
      ...valid,
      baseUrl: "http://Piriod-Fake:4010",
      plainHttpHosts: ["PIRIOD-FAKE"],
      fetch,
    });
    await piriod.customers.retrieve(CUSTOMER_ID);
    expect(fetch.requests.map(({ request }) => request.url)).toEqual([
      `http://piriod-fake:4010/customers/${CUSTOMER_ID}/`,
    ]);
    expect(() =>
      createPiriodClient({ ...valid, baseUrl: "http://api.piriod.com", plainHttpHosts: ["piriod-fake"] }),
    ).toThrow(/baseUrl must use https/);
  });

  it.each([["piriod-fake"], [["http://piriod-fake"]], [[4010]], [["piriod fake"]]])(
    "refuses %j, naming the rule",
    (plainHttpHosts) => {
      expect(() => createPiriodClient({ ...valid, plainHttpHosts: plainHttpHosts as unknown as string[] })).toThrow(
        'createPiriodClient: plainHttpHosts must be a list of host names, such as ["piriod-fake"]',
      );
    },
  );

  it("is refused in a browser, even where the client may run", () => {
    scope.window = { document: {} };
    const error = (() => {
      try {
        createFetchClient({ ...valid, dangerouslyAllowBrowser: true, plainHttpHosts: ["piriod-fake"] });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(PiriodError);
    expect((error as Error).message).toBe(
      "createPiriodClient: plainHttpHosts is for test hosts of a server's tests, and is refused in a browser",
    );
  });

  it("reaches a fake bound to every interface through another address of this machine, as a container next door does", async () => {
    const address = defined(
      Object.values(os.networkInterfaces())
        .flat()
        .find((entry) => entry?.family === "IPv4" && !entry.internal)?.address,
      "a non-loopback IPv4 address of this machine",
    );
    const fake = createPiriodFake({ examples: true });
    const server = await fake.listen({ host: "0.0.0.0" });
    try {
      const piriod = createPiriodClient({
        ...valid,
        baseUrl: `http://${address}:${server.port}`,
        plainHttpHosts: [address],
        maxRetries: 0,
      });
      expect((await piriod.customers.retrieve(CUSTOMER_ID)).id).toBe(CUSTOMER_ID);
      expect(fake.requests.map(({ headers }) => headers.host)).toEqual([`${address}:${server.port}`]);
    } finally {
      await server.close();
    }
  });
});

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as denoAndBunEntry from "../../src/deno-and-bun.js";
import * as browserEntry from "../../src/index.js";
import * as nodeEntry from "../../src/node.js";
import { API_KEY, CUSTOMER_ID, customer, jsonResponse, recordingFetch, WORKSPACE } from "../helpers/client-fixtures.ts";
import { defined } from "../helpers/defined.ts";
import { type FaultServer, json, startFaultServer } from "../helpers/http-fault-server.ts";

// Which client sent a request: `@piriod/api/<version> (<runtime>/<version>)` from Node, Deno and Bun, nothing extra from a browser.
const FROM_SOURCE = "@piriod/api/0.0.0-source";

let server: FaultServer;
/** Each request's headers as they came, repeated names kept. */
const raw: string[][] = [];
beforeAll(async () => (server = await startFaultServer()));
afterAll(() => server.close());
beforeEach(() => {
  raw.length = 0;
  server.answer((response, request, later) => {
    raw.push(request.rawHeaders);
    json(200, customer)(response, request, later);
  });
});

describe.each([
  ["the node entry", nodeEntry],
  ["the Deno and Bun entry", denoAndBunEntry],
] as const)("%s, through its own transport", (_entry, { createPiriodClient }) => {
  const client = (options = {}) =>
    createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl: server.url, maxRetries: 0, ...options });

  it("names the package and the Node it runs on, once", async () => {
    await client().customers.retrieve(CUSTOMER_ID);
    const agents = userAgents(defined(raw[0], "the request sent"));
    expect(agents).toEqual([`${FROM_SOURCE} (node/${process.versions.node})`]);
  });

  it("gives way to the caller's own, from the headers option or the call", async () => {
    await client({ headers: { "User-Agent": "billing-sync/2.1" } }).customers.retrieve(CUSTOMER_ID);
    await client().customers.retrieve(CUSTOMER_ID, { headers: { "user-agent": "billing-sync/2.2" } });
    expect(raw.map(userAgents)).toEqual([["billing-sync/2.1"], ["billing-sync/2.2"]]);
  });
});

describe("in other runtimes", () => {
  const scope = globalThis as { Deno?: unknown; Bun?: unknown; window?: unknown };
  afterEach(() => {
    delete scope.Deno;
    delete scope.Bun;
    delete scope.window;
  });
  const sentAgent = async (
    options = {},
    entry: { createPiriodClient: typeof browserEntry.createPiriodClient } = denoAndBunEntry,
  ) => {
    const fetch = recordingFetch(jsonResponse(200, customer));
    await entry
      .createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, fetch, ...options })
      .customers.retrieve(CUSTOMER_ID);
    return defined(fetch.requests[0], "the request sent").request.headers.get("user-agent");
  };

  it("names Deno and its version under Deno, and Bun under Bun, which both offer Node's process too", async () => {
    scope.Deno = { version: { deno: "2.1.4" } };
    expect(await sentAgent()).toBe(`${FROM_SOURCE} (deno/2.1.4)`);
    delete scope.Deno;
    scope.Bun = { version: "1.1.38" };
    expect(await sentAgent()).toBe(`${FROM_SOURCE} (bun/1.1.38)`);
  });

  it("sends none from the browser and worker entry, where it would force a CORS preflight, nor from a browser", async () => {
    expect(await sentAgent({}, browserEntry)).toBeNull();
    scope.window = { document: {} };
    expect(await sentAgent({ dangerouslyAllowBrowser: true })).toBeNull();
    expect(await sentAgent({ dangerouslyAllowBrowser: true }, nodeEntry)).toBeNull();
  });
});

/** The values of every User-Agent header among Node's raw headers. */
function userAgents(raw: string[]): string[] {
  return raw.filter((_value, index) => index % 2 === 1 && raw[index - 1]?.toLowerCase() === "user-agent");
}

import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PiriodError } from "../../src/errors.js";
import { createPiriodClient as createFetchClient, type PiriodClientOptions } from "../../src/index.js";
import { createPiriodClient, type NodeClientOptions } from "../../src/node.js";
import type { RequestOptions } from "../../src/options.js";
import {
  API_KEY,
  body,
  CUSTOMER_ID,
  customer,
  jsonResponse,
  recordingFetch,
  WORKSPACE,
} from "../helpers/client-fixtures.ts";

const valid = { apiKey: API_KEY, workspace: WORKSPACE };

/** The message `createPiriodClient` throws for `options` over a valid base; fails if it does not throw a PiriodError. */
function refusal(options: Record<string, unknown>): string {
  try {
    createPiriodClient({ ...valid, ...options } as NodeClientOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(PiriodError);
    return (error as Error).message;
  }
  return expect.fail(`accepted ${JSON.stringify(options)}`);
}

describe("createPiriodClient refuses, naming the option", () => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    ["a missing key", { apiKey: undefined }, /apiKey is required/],
    ["an empty key", { apiKey: "" }, /apiKey is required/],
    ["a blank key", { apiKey: "   " }, /apiKey is required/],
    ["a key with its Token prefix", { apiKey: `Token ${API_KEY}` }, /apiKey must be the token alone/],
    [
      "a key with a line break",
      { apiKey: `${API_KEY}\r\nX-Injected: 1` },
      /apiKey must not contain spaces, line breaks/,
    ],
    ["a key with a trailing newline", { apiKey: `${API_KEY}\n` }, /apiKey must not contain/],
    ["a missing workspace", { workspace: undefined }, /workspace is required/],
    [
      "a workspace with a line break",
      { workspace: "acc_1\nX: y" },
      /workspace is required.*without spaces or control characters/,
    ],
    [
      "an http base URL",
      { baseUrl: "http://api.piriod.com" },
      /baseUrl must use https \(plain http is allowed only for localhost, or a host of plainHttpHosts\): http:\/\/api\.piriod\.com\//,
    ],
    ["a base URL that is not a URL", { baseUrl: "api.piriod.com" }, /baseUrl must be an absolute https URL/],
    ["a base URL of another scheme", { baseUrl: "ftp://api.piriod.com" }, /baseUrl must be an absolute https URL/],
    [
      "a base URL with credentials",
      { baseUrl: "https://user:secret@api.piriod.com" },
      /baseUrl must not carry a user name or password/,
    ],
    [
      "a base URL with a query",
      { baseUrl: "https://api.piriod.com/?x=1" },
      /baseUrl must not have a query or a fragment/,
    ],
    [
      "a header value with CR/LF",
      { headers: { "x-team": "billing\r\nX-Injected: 1" } },
      /headers: the value of "x-team" must be a string without line breaks/,
    ],
    ["a header name that is not a token", { headers: { "x team": "billing" } }, /"x team" is not a valid header name/],
    [
      "a header the client sets",
      { headers: { Authorization: "Bearer other" } },
      /"Authorization" is set by the client/,
    ],
    ["a workspace header in headers", { headers: { "X-Simple-Workspace": "acc_2" } }, /is set by the client/],
    ["a zero timeout", { timeoutMs: 0 }, /timeoutMs must be a number of milliseconds above 0/],
    ["an infinite timeout", { timeoutMs: Number.POSITIVE_INFINITY }, /timeoutMs must be/],
    ["a negative maxRetries", { maxRetries: -1 }, /maxRetries must be a whole number from 0 to 10/],
    ["a fractional maxRetries", { maxRetries: 1.5 }, /maxRetries must be a whole number/],
    ["a testMode that is not boolean", { testMode: "true" }, /testMode must be true or false/],
    [
      "an unknown option",
      { timeout: 5_000 },
      /unknown option "timeout"; the options are apiKey, workspace, .*timeoutMs/,
    ],
    ["an unknown validate key", { validate: { body: true } }, /validate: unknown option "body"/],
    ["a validate flag that is not boolean", { validate: { response: 1 } }, /validate\.response must be true or false/],
    ["a fetch that is not a function", { fetch: "fetch" }, /fetch must be a function/],
    ["an agent with fetch", { agent: new HttpsAgent(), fetch: globalThis.fetch }, /pass agent or fetch, not both/],
    [
      "an agent for the wrong protocol",
      { agent: new HttpAgent() },
      /agent is for http: but baseUrl uses https:: use an https\.Agent/,
    ],
    ["an agent that is not an agent", { agent: {} }, /agent must be an http\.Agent or https\.Agent/],
  ])("%s", (_case, options, message) => {
    const text = refusal(options);
    expect(text).toMatch(/^createPiriodClient: /);
    expect(text).toMatch(message);
    expect(text).not.toContain(API_KEY);
  });

  it.each([["fetch", createFetchClient]])(
    "refuses an agent in the %s entry, which has no use for one, unless it is left undefined",
    (_entry, create) => {
      expect(() => create({ ...valid, agent: new HttpsAgent() } as PiriodClientOptions)).toThrow(
        /unknown option "agent"/,
      );
      expect(() => create({ ...valid, agent: undefined } as PiriodClientOptions)).not.toThrow();
    },
  );

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["an unknown option", { timeout: 5_000 }, /^customers\.update: unknown option "timeout"/],
    ["a zero timeout", { timeoutMs: 0 }, /^customers\.update: timeoutMs must be/],
    ["a signal that is not one", { signal: "abort" }, /^customers\.update: signal must be an AbortSignal/],
    ["a testMode that is not boolean", { testMode: 1 }, /^customers\.update: testMode must be true or false/],
  ])("customers.update refuses %s in its options, before sending", async (_case, options, message) => {
    const fetch = recordingFetch(jsonResponse(200, customer));
    const call = createPiriodClient({ ...valid, fetch }).customers.update(CUSTOMER_ID, body, options as RequestOptions);
    await expect(call).rejects.toThrow(message);
    expect(fetch.requests).toEqual([]);
  });
});

describe("createPiriodClient accepts", () => {
  it.each([
    "https://api.piriod.com",
    "https://gateway.example.com/piriod/",
    "http://localhost:4010",
    "http://127.0.0.1:8080",
    "http://[::1]:8080",
    "http://app.localhost",
  ])("the base URL %s", (baseUrl) => {
    expect(() => createPiriodClient({ ...valid, baseUrl })).not.toThrow();
  });

  it("a base URL longer than a message shows, sending to it whole", async () => {
    const baseUrl = `https://gateway.example.com/${"tenants/acme-holdings-latam/".repeat(5)}piriod`;
    const fetch = recordingFetch(jsonResponse(200, customer));
    await createPiriodClient({ ...valid, baseUrl, fetch }).customers.retrieve(CUSTOMER_ID);
    expect(baseUrl.length).toBeGreaterThan(120);
    expect(fetch.requests.map(({ request }) => request.url)).toEqual([`${baseUrl}/customers/${CUSTOMER_ID}/`]);
  });

  it("an https.Agent for an https base URL and an http.Agent for a loopback one", () => {
    expect(() => createPiriodClient({ ...valid, agent: new HttpsAgent({ keepAlive: true }) })).not.toThrow();
    expect(() => createPiriodClient({ ...valid, baseUrl: "http://127.0.0.1:1", agent: new HttpAgent() })).not.toThrow();
  });
});

describe("in a browser", () => {
  const scope = globalThis as { window?: unknown };
  afterEach(() => void delete scope.window);

  it.each([
    ["fetch", createFetchClient],
    ["node", createPiriodClient],
  ])("the %s entry refuses to start, saying why and how to opt in", (_entry, create) => {
    scope.window = { document: {} };
    expect(() => create(valid)).toThrow(
      /refusing to run in a browser, where every visitor could read the API key.*dangerouslyAllowBrowser: true/,
    );
  });

  it("starts with dangerouslyAllowBrowser: true", () => {
    scope.window = { document: {} };
    expect(createFetchClient({ ...valid, dangerouslyAllowBrowser: true }).customers.update).toBeTypeOf("function");
  });

  it("is not mistaken for a runtime that only defines window (Deno 1)", () => {
    scope.window = {};
    expect(() => createFetchClient(valid)).not.toThrow();
  });
});

describe("in a worker", () => {
  // A worker's global object is an instance of WorkerGlobalScope; these stand in for the real ones.
  const workerScope = (userAgent: string) => {
    const WorkerGlobalScope = Object.defineProperty(function WorkerGlobalScope() {}, Symbol.hasInstance, {
      value: (value: unknown) => value === globalThis,
    });
    vi.stubGlobal("WorkerGlobalScope", WorkerGlobalScope);
    vi.stubGlobal("navigator", { userAgent });
  };
  afterEach(() => void vi.unstubAllGlobals());

  it("refuses to start in a browser's web worker, which has no window but whose script any visitor can read", () => {
    workerScope(
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36",
    );
    expect(() => createFetchClient(valid)).toThrow(/refusing to run in a browser/);
    expect(createFetchClient({ ...valid, dangerouslyAllowBrowser: true }).customers.update).toBeTypeOf("function");
  });

  it.each(["Cloudflare-Workers", "Deno/2.5.6", "Bun/1.3.2"])(
    "starts in a server runtime's worker (%s)",
    (userAgent) => {
      workerScope(userAgent);
      expect(() => createFetchClient(valid)).not.toThrow();
    },
  );
});

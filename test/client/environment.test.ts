import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as denoAndBunEntry from "../../src/deno-and-bun.js";
import * as browserEntry from "../../src/index.js";
import * as nodeEntry from "../../src/node.js";
import { API_KEY, CUSTOMER_ID, customer, jsonResponse, recordingFetch, WORKSPACE } from "../helpers/client-fixtures.ts";
import { defined } from "../helpers/defined.ts";

// The key, the workspace and the base URL from the environment, in the Node entry and under Deno and Bun; never in the browser and
// worker entry.
const VARIABLES = ["PIRIOD_API_KEY", "PIRIOD_WORKSPACE", "PIRIOD_BASE_URL"];

beforeEach(() => {
  for (const name of VARIABLES) vi.stubEnv(name, undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
  delete (globalThis as { Deno?: unknown }).Deno;
});

/** The request a client of `create` sends for a retrieve, with `options` (and a recording fetch) as its options. */
async function sent(create: (options: object) => browserEntry.PiriodClient, options: object = {}) {
  const fetch = recordingFetch(jsonResponse(200, customer));
  await create({ fetch, ...options }).customers.retrieve(CUSTOMER_ID);
  return defined(fetch.requests[0], "the request sent").request;
}

const MISSING_KEY =
  /^createPiriodClient: apiKey is required: pass it as the apiKey option, or set the PIRIOD_API_KEY environment variable$/;
const MISSING_WORKSPACE =
  /^createPiriodClient: workspace is required: pass it as the workspace option, or set the PIRIOD_WORKSPACE environment variable$/;

describe.each([
  ["the node entry", nodeEntry.createPiriodClient],
  ["the Deno and Bun entry, under Bun (process.env)", denoAndBunEntry.createPiriodClient],
] as const)("%s", (_entry, create) => {
  it("takes the key, the workspace and the base URL left out from PIRIOD_API_KEY, PIRIOD_WORKSPACE and PIRIOD_BASE_URL", async () => {
    vi.stubEnv("PIRIOD_API_KEY", ` ${API_KEY}\n`);
    vi.stubEnv("PIRIOD_WORKSPACE", WORKSPACE);
    vi.stubEnv("PIRIOD_BASE_URL", "https://gateway.example.com/piriod");
    const request = await sent(create as never);
    expect(request.headers.get("authorization")).toBe(`Token ${API_KEY}`);
    expect(request.headers.get("x-simple-workspace")).toBe(WORKSPACE);
    expect(request.url).toBe(`https://gateway.example.com/piriod/customers/${CUSTOMER_ID}/`);
  });

  it("prefers the options given", async () => {
    vi.stubEnv("PIRIOD_API_KEY", "sk_from_environment");
    vi.stubEnv("PIRIOD_WORKSPACE", "acc_from_environment");
    const request = await sent(create as never, { apiKey: API_KEY, workspace: WORKSPACE });
    expect(request.headers.get("authorization")).toBe(`Token ${API_KEY}`);
    expect(request.headers.get("x-simple-workspace")).toBe(WORKSPACE);
  });

  it("names the option and the variable when neither gives the key or the workspace; a blank variable is none", () => {
    vi.stubEnv("PIRIOD_API_KEY", "  ");
    expect(() => create()).toThrow(browserEntry.PiriodError);
    expect(() => create()).toThrow(MISSING_KEY);
    vi.stubEnv("PIRIOD_API_KEY", API_KEY);
    expect(() => create()).toThrow(MISSING_WORKSPACE);
    expect(() => create({ workspace: WORKSPACE })).not.toThrow();
  });

  it("still refuses a bad value, wherever it came from, without showing the key", () => {
    vi.stubEnv("PIRIOD_API_KEY", `Token ${API_KEY}`);
    vi.stubEnv("PIRIOD_WORKSPACE", WORKSPACE);
    expect(() => create()).toThrow(/apiKey must be the token alone/);
    vi.stubEnv("PIRIOD_API_KEY", API_KEY);
    vi.stubEnv("PIRIOD_BASE_URL", "http://api.piriod.com");
    expect(() => create()).toThrow(/baseUrl must use https/);
  });
});

describe("under Deno", () => {
  const deno = (state: string, get: (name: string) => string | undefined) => {
    const env = { get: vi.fn(get) };
    (globalThis as { Deno?: unknown }).Deno = {
      env,
      permissions: { querySync: () => ({ state }) },
    };
    return env;
  };
  const values: Record<string, string> = { PIRIOD_API_KEY: API_KEY, PIRIOD_WORKSPACE: WORKSPACE };

  it("reads Deno.env when --allow-env grants it", async () => {
    deno("granted", (name) => values[name]);
    const request = await sent(denoAndBunEntry.createPiriodClient as never);
    expect(request.headers.get("authorization")).toBe(`Token ${API_KEY}`);
  });

  it("without --allow-env, asks nothing (which would prompt) and fails as with no variable", () => {
    vi.stubEnv("PIRIOD_API_KEY", API_KEY);
    const env = deno("prompt", (name) => values[name]);
    expect(() => denoAndBunEntry.createPiriodClient()).toThrow(MISSING_KEY);
    expect(env.get).not.toHaveBeenCalled();
  });

  it("fails as with no variable when reading it throws (NotCapable), not with a permission crash", () => {
    deno("granted", () => {
      throw new Error('NotCapable: Requires env access to "PIRIOD_API_KEY", run again with the --allow-env flag');
    });
    expect(() => denoAndBunEntry.createPiriodClient()).toThrow(MISSING_KEY);
  });
});

describe("the browser and worker entry", () => {
  it("never reads the environment", () => {
    vi.stubEnv("PIRIOD_API_KEY", API_KEY);
    vi.stubEnv("PIRIOD_WORKSPACE", WORKSPACE);
    expect(() => browserEntry.createPiriodClient({} as never)).toThrow(
      /^createPiriodClient: apiKey is required: your Piriod API token/,
    );
  });
});

import { createPiriodClient, type PiriodClientOptions } from "../../src/index.ts";
import { createPiriodFake, type PiriodFake, type PiriodFakeOptions } from "../../src/testing/index.ts";

export const WORKSPACE = "acc_01H8XYZ123ABC";
export const BASE_URL = "https://api.piriod.com";

/** A fake, and a client of the fetch entry sending to it through `fake.fetch`, with retries that do not wait. */
export function fakeAndClient(fakeOptions: PiriodFakeOptions = {}, clientOptions: Partial<PiriodClientOptions> = {}) {
  const fake = createPiriodFake(fakeOptions);
  const piriod = createPiriodClient({
    apiKey: "sk_test_fake",
    workspace: WORKSPACE,
    fetch: fake.fetch,
    maxRetries: 0,
    ...clientOptions,
  });
  return { fake, piriod };
}

/** A request to the fake as a raw HTTP client would send it: the headers Piriod reads, unless `headers` replaces them. */
export function send(
  fake: PiriodFake,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string | undefined> } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  const given = {
    authorization: "Token sk_test_fake",
    "x-simple-workspace": WORKSPACE,
    ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    ...init.headers,
  };
  for (const [name, value] of Object.entries(given)) if (value !== undefined) headers[name] = value;
  return fake.fetch(`${BASE_URL}${path}`, {
    method: init.method ?? "GET",
    headers,
    ...(init.body === undefined ? {} : { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) }),
  });
}

/** A customer create body: the four fields Piriod requires, and `fields` over them. */
export function customerBody(fields: Record<string, unknown> = {}) {
  return { name: "Comercializadora Andes SpA", address: "Av. Providencia 1234", country: "CL", state: 13, ...fields };
}

import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PrismServer, startPrism } from "../../scripts/lib/prism-server.ts";
import type { PiriodClient } from "../../src/index.js";
import { createPiriodClient } from "../../src/node.js";
import { API_KEY, body, CUSTOMER_ID, WORKSPACE } from "../helpers/client-fixtures.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";

// The client against Prism's mock of the spec: Prism checks every request against the contract
// and reports what it dislikes in an `sl-violations` header.
let prism: PrismServer;
beforeAll(async () => (prism = await startPrism(path.join(REPO_ROOT, "generated", "openapi.json"))));
afterAll(() => prism?.stop());

const client = (options: { testMode?: boolean } = {}) =>
  createPiriodClient({
    apiKey: API_KEY,
    workspace: WORKSPACE,
    baseUrl: prism.url,
    validate: { response: true },
    ...options,
  });

const minimal = { name: body.name, address: body.address, country: body.country, state: body.state };
const nulls = {
  ...minimal,
  email: null,
  phone: null,
  website: null,
  zip_code: null,
  manager: null,
  reference: null,
  tax_id: null,
};

describe("against the Prism mock of the spec", () => {
  it.each<[string, (piriod: PiriodClient) => Promise<{ response: Response }>]>([
    ["the spec's example body", (piriod) => piriod.customers.update(CUSTOMER_ID, body).withResponse()],
    ["only the required fields", (piriod) => piriod.customers.update(CUSTOMER_ID, minimal).withResponse()],
    ["every nullable field as null", (piriod) => piriod.customers.update(CUSTOMER_ID, nulls).withResponse()],
    [
      "test mode for one call",
      (piriod) => piriod.customers.update(CUSTOMER_ID, minimal, { testMode: true }).withResponse(),
    ],
    ["an id with spaces and non-ASCII", (piriod) => piriod.customers.update("cus_ñandú 01", minimal).withResponse()],
    ["a raw call", (piriod) => piriod.raw.PATCH("/customers/{id}/", { params: { path: { id: CUSTOMER_ID } }, body })],
  ])("accepts %s: 200, no violations, a response that validates", async (_case, send) => {
    const { response } = await send(client());
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(response.status).toBe(200);
  });

  it("accepts every request of a test-mode client", async () => {
    const { response } = await client({ testMode: true }).customers.update(CUSTOMER_ID, body).withResponse();
    expect([response.status, response.headers.get("sl-violations")]).toEqual([200, null]);
  });

  it("would report a request that breaks the contract (the check above can fail)", async () => {
    const response = await fetch(`${prism.url}/customers/${CUSTOMER_ID}/`, {
      method: "PATCH",
      headers: { "content-type": "application/json", authorization: `Token ${API_KEY}` },
      body: JSON.stringify({ ...minimal, nickname: "Andes" }),
    });
    await response.arrayBuffer();
    expect(response.headers.get("sl-violations")).toMatch(/x-simple-workspace|nickname/);
    expect(response.status).not.toBe(200);
  });
});

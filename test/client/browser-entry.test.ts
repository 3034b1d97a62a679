import { describe, expect, it } from "vitest";
import { createPiriodClient } from "../../src/browser.js";
import { partsOf } from "../../src/request-parts.js";
import { API_KEY, body, customer, CUSTOMER_ID, jsonResponse, rebuildingMiddleware, recordingFetch, WORKSPACE } from "../helpers/client-fixtures.ts";

// The browser entry builds standard requests only (a browser's are native), and hands the
// retrying fetch each one's body as given instead of reading it back. A middleware may still
// replace the request; the replacement is read back and sent as it stands.
describe("the browser entry", () => {
  it("builds standard requests that hand over their body, and never reads one back", async () => {
    const fetch = recordingFetch(jsonResponse(200, customer));
    const piriod = createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, fetch });
    const built: Request[] = [];
    piriod.raw.use({
      onRequest: ({ request }) => {
        built.push(request);
        // Reading the request back would now fail the call.
        request.arrayBuffer = () => Promise.reject(new Error("the body was read back"));
      },
    });
    await expect(piriod.customers.update(CUSTOMER_ID, body)).resolves.toEqual(customer);
    expect(Object.getPrototypeOf(built[0]!)).toBe(Request.prototype);
    expect(partsOf(built[0]!)?.body).toBe(JSON.stringify(body));
    expect(fetch.requests.map(({ request, body: sent }) => [request.method, sent])).toEqual([["PATCH", JSON.stringify(body)]]);
  });

  it("sends what a middleware rebuilt the request into", async () => {
    const fetch = recordingFetch(jsonResponse(200, customer));
    const piriod = createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, fetch });
    const { seen, onRequest } = rebuildingMiddleware("t-9");
    piriod.raw.use({ onRequest });
    await expect(piriod.customers.update(CUSTOMER_ID, body)).resolves.toEqual(customer);
    expect(seen).toHaveLength(1);
    const [{ request, body: sent }] = fetch.requests as [(typeof fetch.requests)[0]];
    expect([request.headers.get("x-trace"), request.headers.get("authorization"), sent]).toEqual(["t-9", `Token ${API_KEY}`, JSON.stringify(body)]);
  });
});

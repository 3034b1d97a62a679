import { describe, expect, it } from "vitest";
import { schemaUses } from "../helpers/conformance-schemas.ts";
import { send, usePrismMock } from "../helpers/prism-mock.ts";
import { documentedResponse, operationCall } from "../helpers/prism-operations.ts";
import { parseViolations } from "../helpers/prism-violations.ts";
import { compileAt } from "../helpers/spec-ajv.ts";
import { chileanCustomerUpdate } from "../helpers/spec-examples.ts";

const prism = usePrismMock();
const use = schemaUses().find((found) => found.role === "request" && found.path === "/customers/{id}/" && found.method === "patch")!;
const call = operationCall(use);

/** The example update, sent with the operation's headers less `omit`, plus `extra`. */
function update({ omit = [] as string[], extra = {} as Record<string, string>, path = call.path } = {}) {
  const headers = Object.fromEntries(Object.entries({ ...call.headers, ...extra }).filter(([name]) => !omit.includes(name)));
  return send(prism().url + path, { method: call.method, headers, body: JSON.stringify(chileanCustomerUpdate) });
}

/** Asserts the body is one the spec documents for that status, and fits its schema. */
function expectDocumented(status: string, body: unknown) {
  const documented = documentedResponse(use, status)!;
  expect(documented.examples).toContainEqual(body);
  expect(compileAt(documented.schemaPointer)(body)).toBe(true);
}

describe("PATCH /customers/{id}/ headers, as the mock enforces them", () => {
  it("takes the example update with the API key and the workspace", async () => {
    expect(call.headers).toMatchObject({ authorization: expect.stringMatching(/^Token /), "x-simple-workspace": "acc_01H8XYZ123ABC" });
    const response = await update();
    expect(response.status).toBe(200);
  });

  it("refuses a request without Authorization with the spec's 401", async () => {
    const response = await update({ omit: ["authorization"] });
    expect(response.status).toBe(401);
    expectDocumented("401", response.body);
  });

  it("refuses a request without x-simple-workspace with the spec's 400, naming the header", async () => {
    const response = await update({ omit: ["x-simple-workspace"] });
    expect(response.status).toBe(400);
    // Prism answers with the first 400 example, whatever the cause: it cannot pick the spec's
    // missingWorkspace example by itself, so only the status and the shape are the spec's.
    expectDocumented("400", response.body);
    const violations = parseViolations(response.headers.get("sl-violations"));
    expect(violations).toContainEqual(expect.objectContaining({ location: ["request", "header"], code: "required", message: expect.stringContaining("'x-simple-workspace'") }));
  });

  it("takes x-piriod-test-mode as a boolean, and refuses anything else", async () => {
    expect((await update({ extra: { "x-piriod-test-mode": "true" } })).status).toBe(200);
    const response = await update({ extra: { "x-piriod-test-mode": "sometimes" } });
    expect(response.status).toBe(400);
    expect(parseViolations(response.headers.get("sl-violations"))).toContainEqual(expect.objectContaining({ location: ["request", "header", "x-piriod-test-mode"] }));
  });

  it("serves the path only with its trailing slash", async () => {
    const response = await update({ path: call.path.replace(/\/$/, "") });
    expect(response.status).toBe(404);
  });
});

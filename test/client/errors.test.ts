import { describe, expect, it } from "vitest";
import {
  PiriodApiError,
  PiriodAuthenticationError,
  PiriodBadRequestError,
  PiriodError,
  PiriodNotFoundError,
  PiriodPermissionDeniedError,
  PiriodRateLimitError,
  PiriodServerError,
} from "../../src/errors.js";
import { body, CUSTOMER_ID, jsonResponse, recordingFetch, testClient } from "../helpers/client-fixtures.ts";

/** The error `customers.update` rejects with when the server answers `response` (no retries). */
async function errorFor(response: Response): Promise<PiriodApiError> {
  const piriod = testClient({ fetch: recordingFetch(response), maxRetries: 0 });
  const error = await piriod.customers.update(CUSTOMER_ID, body).catch((reason: unknown) => reason);
  expect(error).toBeInstanceOf(PiriodApiError);
  return error as PiriodApiError;
}

describe("HTTP errors", () => {
  it.each([
    [400, PiriodBadRequestError],
    [401, PiriodAuthenticationError],
    [403, PiriodPermissionDeniedError],
    [404, PiriodNotFoundError],
    [429, PiriodRateLimitError],
    [500, PiriodServerError],
    [501, PiriodServerError],
    [503, PiriodServerError],
  ])("a %i becomes %o, a PiriodApiError and a PiriodError", async (status, ErrorClass) => {
    const error = await errorFor(jsonResponse(status, { detail: "Nope." }, { "x-request-id": "req_9" }));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(PiriodError);
    expect(error.name).toBe(ErrorClass.name);
    expect(error).toMatchObject({ status, body: { detail: "Nope." }, requestId: "req_9" });
    expect(error.headers.get("content-type")).toBe("application/json");
  });

  it.each([405, 409, 422])("a %i with no class of its own is a plain PiriodApiError", async (status) => {
    const error = await errorFor(jsonResponse(status, { detail: "Method not allowed." }));
    expect(Object.getPrototypeOf(error)).toBe(PiriodApiError.prototype);
  });

  it("names the call, the status and DRF's detail in the message", async () => {
    const error = await errorFor(jsonResponse(404, { detail: "Not found." }));
    expect(error.message).toBe(`PATCH /customers/${CUSTOMER_ID}/ failed with 404: Not found.`);
  });

  it("keeps a non-JSON body as its raw text, and quotes the start of its text in the message", async () => {
    const html = `<html><body>${"Gateway timeout. ".repeat(30)}</body></html>`;
    const error = await errorFor(new Response(html, { status: 504, headers: { "content-type": "text/html" } }));
    expect(error).toBeInstanceOf(PiriodServerError);
    expect(error.body).toBe(html);
    expect(error.message).toMatch(/failed with 504: Gateway timeout\. .*…$/);
    expect(error.message).not.toContain("<");
  });

  it("names an HTML error page by its title, keeping the whole page in body", async () => {
    const html =
      '<!doctype html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n  <title>Server Error (500)</title>\n' +
      "  <style>body { font-family: sans-serif; }</style>\n</head>\n<body>\n  <h1>Server Error (500)</h1>\n</body>\n</html>\n";
    const error = await errorFor(new Response(html, { status: 500, headers: { "content-type": "text/html" } }));
    expect(error.message).toBe(`PATCH /customers/${CUSTOMER_ID}/ failed with 500: Server Error (500)`);
    expect(error.body).toBe(html);
  });

  it("gives a page without a title by its first line of text, its scripts and styles left out", async () => {
    const html =
      "<html><head><script>var x = 1;</script><style>p { color: red }</style></head><body>\n<p>Bad gateway: upstream down</p><p>Try later</p></body></html>";
    const error = await errorFor(new Response(html, { status: 502, headers: { "content-type": "text/html" } }));
    expect(error.message).toMatch(/failed with 502: Bad gateway: upstream down$/);
  });

  it("gives a plain-text body by its first line", async () => {
    const error = await errorFor(
      new Response("\nupstream connect error\nreset reason: overflow\n", {
        status: 503,
        headers: { "content-type": "text/plain" },
      }),
    );
    expect(error.message).toMatch(/failed with 503: upstream connect error$/);
  });

  it("keeps an empty body as an empty string", async () => {
    const error = await errorFor(new Response(null, { status: 401 }));
    expect(error).toBeInstanceOf(PiriodAuthenticationError);
    expect(error.body).toBe("");
    expect(error.message).toMatch(/failed with 401: \(empty body\)$/);
  });

  it("serialises with JSON.stringify: name, message, status, body and headers as an object", async () => {
    const error = await errorFor(jsonResponse(403, { detail: "Not your workspace." }));
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: "PiriodPermissionDeniedError",
      message: expect.stringContaining("Not your workspace."),
      status: 403,
      body: { detail: "Not your workspace." },
      headers: { "content-type": "application/json" },
    });
  });
});

describe("a 400 from Django REST Framework", () => {
  const badRequest = async (payload: unknown) => (await errorFor(jsonResponse(400, payload))) as PiriodBadRequestError;

  it("separates field errors, as JSON Pointers, from non-field errors, and lists them all in the message", async () => {
    const error = await badRequest({
      name: ["This field is required."],
      tax_id: ["Invalid format."],
      non_field_errors: ["x-simple-workspace header is required."],
    });
    expect(error.fieldErrors).toEqual([
      { path: "/name", message: "This field is required." },
      { path: "/tax_id", message: "Invalid format." },
    ]);
    expect(error.nonFieldErrors).toEqual(["x-simple-workspace header is required."]);
    expect(error.message).toBe(
      `PATCH /customers/${CUSTOMER_ID}/ failed with 400: x-simple-workspace header is required.; /name: This field is required.; /tax_id: Invalid format.`,
    );
  });

  it("flattens nested errors: maps for nested objects, lists of maps index by index", async () => {
    const error = await badRequest({
      field_2: [{ sub_field_1: [{ sub_sub_field_1: ["This field is required."] }] }],
      contacts: [{}, { email: ["Enter a valid email address."] }],
      tax_settings: { activity: ["Required for SII."], non_field_errors: ["Unknown regime."] },
      "a/b~c": ["Escaped."],
    });
    expect(error.fieldErrors).toEqual([
      { path: "/field_2/0/sub_field_1/0/sub_sub_field_1", message: "This field is required." },
      { path: "/contacts/1/email", message: "Enter a valid email address." },
      { path: "/tax_settings/activity", message: "Required for SII." },
      { path: "/tax_settings", message: "Unknown regime." },
      { path: "/a~1b~0c", message: "Escaped." },
    ]);
    expect(error.nonFieldErrors).toEqual([]);
  });

  it("treats DRF's detail (a body that could not be parsed) as a non-field error", async () => {
    const error = await badRequest({ detail: "JSON parse error - Expecting value" });
    expect(error.nonFieldErrors).toEqual(["JSON parse error - Expecting value"]);
    expect(error.fieldErrors).toEqual([]);
  });

  it("still is a PiriodBadRequestError when the body is not JSON", async () => {
    const error = await errorFor(
      new Response("Bad Request", { status: 400, headers: { "content-type": "text/plain" } }),
    );
    expect(error).toBeInstanceOf(PiriodBadRequestError);
    expect(error).toMatchObject({ body: "Bad Request", fieldErrors: [], nonFieldErrors: [] });
    expect(error.message).toMatch(/failed with 400: Bad Request$/);
  });
});

import { describe, expect, it } from "vitest";
import { REDOC_OPTIONS } from "../../scripts/build-docs.ts";
import { defined } from "../helpers/defined.ts";
import {
  markdownHeadings,
  navigationLabels,
  operationRoute,
  operationSectionId,
  PAYLOAD,
  renderedTypeLine,
  requestFieldIdPrefix,
  requestFieldRows,
  SAMPLE_LANGUAGES,
  sampleMenu,
} from "../helpers/docs-expectations.ts";
import { fixtureSpec } from "../helpers/operations-fixture.ts";
import { specOperations, specWebhooks } from "../helpers/operations-of-spec.ts";

// What the browser test expects of the page is derived here from the spec; these tests pin the
// derivation, so the browser test's expectations are known good before a browser is started.
describe("what the rendered docs must show, derived from the spec", () => {
  const spec = fixtureSpec();
  const operations = specOperations(spec);
  const webhooks = specWebhooks(spec);

  it("expects a navigation entry for the title, each guide heading, then each tag in the spec's order followed by its operations and webhooks, if any", () => {
    expect(navigationLabels(spec.info, spec.tags, [...operations, ...webhooks])).toEqual([
      "Fixture API",
      "Sign in",
      "Limits",
      "people",
      "Get person",
      "Replace person",
      "billing runs",
      "Cancel run",
      "archive",
      "notifications",
      "Run finished",
    ]);
  });

  it("takes every heading of the guide, at any level, but none inside fenced code", () => {
    expect(
      markdownHeadings(
        "# One\n\ntext\n\n### Two ###\n\n```sh\n# a comment\n```\n\n  ```ts\n  # not either\n  ```\n## Three\n",
      ),
    ).toEqual(["One", "Two", "Three"]);
  });

  it("routes an operation by its tag and operationId, where its section and field ids start", () => {
    expect(operations.map(operationRoute)).toEqual([
      "#/people/getperson",
      "#/people/replaceperson",
      "#/billing-runs/cancelrun",
    ]);
    const replacePerson = defined(operations[1], "replacePerson");
    expect(operationSectionId(replacePerson)).toBe("/people/replaceperson");
    expect(requestFieldIdPrefix(replacePerson)).toBe("people/replaceperson/t=request&path=");
    expect(webhooks.map(operationRoute)).toEqual(["#/notifications/runfinished"]);
  });

  it("expects the request example in the sample menu only of an operation that takes a body, then its samples", () => {
    expect(REDOC_OPTIONS.codeSamples.languages.map((language) => language.lang)).toContain(PAYLOAD);
    expect(SAMPLE_LANGUAGES).toEqual(["curl", "TypeScript"]);
    expect(operations.map(sampleMenu)).toEqual([["curl", "TypeScript"], [PAYLOAD], []]);
    expect(webhooks.map(sampleMenu)).toEqual([[PAYLOAD]]);
  });

  // Each line as a page rendered by scripts/build-docs.ts showed it for a field with that schema.
  it.each([
    [{ type: "string", maxLength: 100 }, "string, <= 100 characters"],
    [{ type: ["string", "null"], format: "email" }, "string or null, (email)"],
    [{ type: ["string", "null"], format: "uri", maxLength: 200 }, "string or null, (uri), <= 200 characters"],
    [{ type: "string", minLength: 2, maxLength: 8 }, "string, [ 2 .. 8 ] characters"],
    [{ type: "string", minLength: 1 }, "string, non-empty"],
    [{ type: "string", minLength: 3 }, "string, >= 3 characters"],
    [{ type: "integer", minimum: 0, maximum: 10 }, "integer, [ 0 .. 10 ]"],
    [{ type: "integer", minimum: 0 }, "integer, >= 0"],
    [{ type: "integer", maximum: 5 }, "integer, <= 5"],
    [{ type: "integer", format: "int64" }, "integer, (int64)"],
    [{ type: ["integer", "null"] }, "integer or null"],
    [{ type: ["object", "null"] }, "object or null"],
    [{ type: "array", items: { type: "string" } }, "Array of strings"],
    [{ type: "array", items: { type: "object" } }, "Array of objects"],
    [{ type: "boolean", default: true }, "boolean"],
    // The type of the field itself; Redoc lists the alternatives under it.
    [{ type: "string", anyOf: [{ type: "string", const: "a" }, { type: "string" }] }, "string"],
  ])("words %j as %j", (schema, line) => {
    expect(renderedTypeLine(schema)).toBe(line);
  });

  it("refuses to word a keyword it does not know, rather than expect a line the page does not show", () => {
    expect(() => renderedTypeLine({ type: "string", pattern: "^a" })).toThrow(
      "renderedTypeLine does not know how Redoc words pattern",
    );
    expect(() => renderedTypeLine({ anyOf: [{ const: "a" }, { type: "string" }] })).toThrow(
      "renderedTypeLine does not know how Redoc words anyOf",
    );
  });

  it("expects each request field in order, with required and the default as shown, and no read-only field", () => {
    const schema = {
      type: "object",
      required: ["name"],
      properties: {
        name: { type: "string", maxLength: 100 },
        id: { type: "string", readOnly: true },
        label: { type: "string", default: "x" },
        send: { type: "boolean", default: false },
        note: { type: ["string", "null"], default: null },
      },
    };
    expect(requestFieldRows(schema)).toEqual([
      ["name", "string, <= 100 characters", true],
      ["label", "string", false, '"x"'],
      ["send", "boolean", false, "false"],
      ["note", "string or null", false, "null"],
    ]);
  });
});

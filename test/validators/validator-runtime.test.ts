import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keywordMessage, ucs2length, validationIssues } from "../../src/validator-runtime.ts";

// What every generated validator shares (src/validator-runtime.ts): the issues it reports from ajv's errors, their messages,
// and the length JSON Schema counts.

describe("validationIssues", () => {
  it("points a missing or unknown property's issue at that property, escaping ~ and / as JSON Pointer does", () => {
    const issues = validationIssues([
      { instancePath: "", keyword: "required", params: { missingProperty: "name" } },
      { instancePath: "/tax_settings", keyword: "additionalProperties", params: { additionalProperty: "a/b~c" } },
      { instancePath: "/email", keyword: "format", params: { format: "email" } },
    ]);
    expect(issues).toEqual([
      { path: "/name", keyword: "required", params: { missingProperty: "name" }, message: "/name is required" },
      {
        path: "/tax_settings/a~1b~0c",
        keyword: "additionalProperties",
        params: { additionalProperty: "a/b~c" },
        message: "/tax_settings/a~1b~0c is not a known property and is not allowed",
      },
      { path: "/email", keyword: "format", params: { format: "email" }, message: "/email must be a valid email" },
    ]);
  });

  it("names the whole body `body` when the pointer is empty", () => {
    const [issue] = validationIssues([{ instancePath: "", keyword: "type", params: { type: "object" } }]);
    expect(issue?.message).toBe("body must be object");
  });
});

describe("keywordMessage", () => {
  it("says each known keyword's rule in its params' terms", () => {
    expect(keywordMessage("type", { type: ["string", "null"] })).toBe("must be string or null");
    expect(keywordMessage("maxLength", { limit: 100 })).toBe("must be at most 100 characters");
    expect(keywordMessage("minLength", { limit: 1 })).toBe("must be at least 1 characters");
    expect(keywordMessage("enum", { allowedValues: ["active", 2, null] })).toBe('must be one of "active", 2, null');
  });

  it("has no message for a keyword it does not know, which the generator then refuses", () => {
    expect(keywordMessage("pattern", { pattern: "\\S" })).toBeUndefined();
  });
});

describe("ucs2length", () => {
  it("counts code points: a surrogate pair is one character, a lone surrogate one too", () => {
    expect(ucs2length("ñandú")).toBe(5);
    expect(ucs2length("😀a")).toBe(2);
    expect(ucs2length("\ud83d")).toBe(1);
    expect(ucs2length("\ude00\ud83d")).toBe(2);
    expect(ucs2length("")).toBe(0);
  });

  it("counts as ajv's own helper does, on any string", () => {
    const ajvs = (
      createRequire(import.meta.url)("ajv/dist/runtime/ucs2length") as { default: (text: string) => number }
    ).default;
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => ucs2length(text) === ajvs(text)),
      { numRuns: 2_000 },
    );
  });
});

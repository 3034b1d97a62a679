import { describe, expect, it } from "vitest";
import { generateTypes } from "../../scripts/generate-types.ts";

// A string open to values beyond those the spec lists (`anyOf` of `const`s and a plain string, as the webhook's `event`) is
// generated as `"a" | (string & {})`, which editors complete; any other schema is left to openapi-typescript.
const FIELDS: Record<string, object> = {
  open: {
    type: "string",
    anyOf: [{ type: "string", const: "a.created" }, { type: "string", const: "b" }, { type: "string" }],
  },
  openNoOuterType: {
    anyOf: [{ type: "string", const: "a.created", description: "Documented." }, { type: "string" }],
  },
  closed: {
    anyOf: [
      { type: "string", const: "a" },
      { type: "string", const: "b" },
    ],
  },
  constrained: {
    anyOf: [
      { type: "string", const: "a" },
      { type: "string", pattern: "^x" },
    ],
  },
  twoOpen: { anyOf: [{ type: "string", const: "a" }, { type: "string" }, { type: "string", description: "Again." }] },
  numbers: { anyOf: [{ type: "integer", const: 1 }, { type: "integer" }] },
};

const document = {
  openapi: "3.1.0",
  info: { title: "Fixture", version: "1.0.0" },
  paths: {},
  components: { schemas: { Thing: { type: "object", properties: FIELDS } } },
};

describe("a string open to values beyond those it lists", () => {
  it("offers the listed values for completion and takes any string; nothing else changes", async () => {
    const types = await generateTypes(document as never);
    const field = (name: string) => types.match(new RegExp(`^\\s*${name}\\?: (.*);$`, "m"))?.[1];
    expect(field("open")).toBe('"a.created" | "b" | (string & {})');
    expect(field("openNoOuterType")).toBe('"a.created" | (string & {})');
    expect(field("closed")).toBe('"a" | "b"');
    expect(field("constrained")).toBe('"a" | string');
    expect(field("twoOpen")).toBe('"a" | string');
    expect(field("numbers")).toBe("1 | number");
  });
});

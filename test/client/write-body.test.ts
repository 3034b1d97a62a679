import { describe, expect, it } from "vitest";
import { PiriodError, PiriodValidationError } from "../../src/index.ts";
import { PiriodError as RootError } from "../../src/root-errors.ts";
import { writeBody } from "../../src/write-body.ts";

// The converters the spec declares (`x-piriod-to-body`) are made by writeBody; their behaviour on the spec's own schemas is in
// to-customer-update.test.ts. Here: the rules, on fields of no schema in particular.
const toBody = writeBody("toThingUpdate", {
  fields: ["name", "owner", "tags", "note"],
  ids: ["owner"],
  required: ["name"],
});

describe("writeBody", () => {
  it("takes each field as it is, an object's id for an id field, and leaves out what the body has not", () => {
    const tags = { colour: "red" };
    const body = toBody({ name: "Caja", owner: { id: "own_1", name: "Ana" }, tags, note: null, created: "2026-01-01" });
    expect(body).toEqual({ name: "Caja", owner: "own_1", tags: { colour: "red" }, note: null });
    expect(body.tags).not.toBe(tags);
    expect(Object.keys(toBody({ name: "Caja" }))).toEqual(["name"]);
  });

  it("names every field the object cannot give, in a PiriodValidationError the package root exports", () => {
    const refusal = (() => {
      try {
        toBody({ owner: "own_1" });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(PiriodValidationError);
    expect(refusal).toBeInstanceOf(PiriodError);
    expect(refusal).toMatchObject({
      message:
        "toThingUpdate: the object lacks what the body must carry: /name is required; /owner must be an object with an id",
      errors: [
        { path: "/name", keyword: "required", message: "/name is required" },
        { path: "/owner", keyword: "type", message: "/owner must be an object with an id" },
      ],
    });
  });
});

describe("the root error", () => {
  it("is one class for the package root and the converters", () => {
    expect(RootError).toBe(PiriodError);
  });

  it("writes its name, message, own fields, headers as an object and its cause's message as JSON", () => {
    const error = Object.assign(new RootError("it failed", { cause: new Error("underneath") }), {
      headers: new Headers({ "x-request-id": "req_1" }),
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "PiriodError",
      message: "it failed",
      headers: { "x-request-id": "req_1" },
      cause: "underneath",
    });
  });
});

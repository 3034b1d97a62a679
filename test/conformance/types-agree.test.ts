import { describe, expect, it } from "vitest";
import { loadCorpus } from "../helpers/conformance-corpus.ts";
import { expectedTypeVerdict, type TypedCase, typeCheckCorpus } from "../helpers/conformance-types.ts";

// One compilation of a file generated from the whole corpus: request bodies as object literals
// typed by their schema (what a caller writes), responses as typed values from the network.
const check = typeCheckCorpus(loadCorpus());

const rows = (role: string) =>
  check.cases.filter((typed) => typed.role === role).map((typed) => [typed.entry.name, typed] as const);

function expectAgreement(typed: TypedCase) {
  const expected = expectedTypeVerdict(typed.entry, typed.role);
  const line = check.source.split("\n")[typed.line - 1];
  // Shows the line and the compiler's words when the verdicts differ.
  expect({ verdict: typed.errors.length > 0 ? "errors" : "compiles", line, errors: typed.errors }).toMatchObject({
    verdict: expected,
  });
}

describe("the types agree with the validators", () => {
  it("the generated file compiles but for the case lines (its prelude and import resolve)", () => {
    expect(check.stray).toEqual([]);
    expect(check.source).toContain(`from "../../generated/schema.js"`);
  });

  it("every role of every case is checked, and some lines do fail to compile", () => {
    expect(rows("request").length).toBeGreaterThanOrEqual(60);
    expect(rows("response").length).toBeGreaterThanOrEqual(40);
    expect(check.cases.filter((typed) => typed.errors.length > 0).length).toBeGreaterThan(50);
  });

  it.each(rows("request"))("as an object literal of the request type: %s", (_name, typed) => expectAgreement(typed));

  it.each(rows("response"))("as a typed value from the network: %s", (_name, typed) => expectAgreement(typed));
});

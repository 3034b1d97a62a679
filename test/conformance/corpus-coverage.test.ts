import { describe, expect, it } from "vitest";
import { loadCorpus, schemaValidators } from "../helpers/conformance-corpus.ts";
import { coverageGaps } from "../helpers/conformance-coverage.ts";
import { schemaUses } from "../helpers/conformance-schemas.ts";

const corpus = loadCorpus();

describe("the corpus", () => {
  it.each([...schemaValidators().keys()])("covers every field and constraint of %s", (schema) => {
    expect(coverageGaps(schema, corpus)).toEqual([]);
  });

  it("holds at least 60 request-body cases and 40 response cases", () => {
    const count = (role: string) => {
      const schemas = new Set(
        schemaUses()
          .filter((use) => use.role === role)
          .map((use) => use.schema),
      );
      return corpus.filter((entry) => schemas.has(entry.schema)).length;
    };
    expect(count("request")).toBeGreaterThanOrEqual(60);
    expect(count("response")).toBeGreaterThanOrEqual(40);
  });

  it("gaps are found: a corpus with a case removed names what it no longer covers", () => {
    const without = (name: string) => corpus.filter((entry) => entry.name !== name);
    expect(coverageGaps("CustomerUpdate", without("CustomerUpdate: phone at its limit of 16: 16 characters"))).toEqual([
      "/phone: no valid case at exactly 16 code points",
    ]);
    expect(coverageGaps("Customer", without("Customer: state without its id"))).toEqual([
      "/state/id: no case leaves out this required field",
    ]);
    expect(coverageGaps("Customer", without("Customer: an unknown field in a contact"))).toEqual([
      "/contacts/0: no valid case has an unknown field in this open object",
    ]);
    expect(coverageGaps("CustomerUpdate", without("CustomerUpdate: the response-only field created"))).toEqual([]);
    expect(
      coverageGaps(
        "CustomerUpdate",
        without("CustomerUpdate: the response-only field created").filter(
          (entry) => !entry.name.includes("whole response"),
        ),
      ),
    ).toEqual(["/created: no case sends this read-only field of Customer"]);
    expect(coverageGaps("Customer", [])).toContain("/contacts/0/email: no invalid email");
  });
});

import { describe, expect, it } from "vitest";
import { type CorpusCase, type ExpectedIssue, loadCorpus, schemaValidators } from "../helpers/conformance-corpus.ts";
import { sameSchemas } from "../helpers/conformance-schemas.ts";
import { defined } from "../helpers/defined.ts";

const corpus = loadCorpus();
const validators = schemaValidators();

// Order-free: the corpus lists faults as a reader thinks of them, the validator in schema order.
const sorted = (issues: ExpectedIssue[]) => issues.map(({ path, keyword }) => `${path} ${keyword}`).sort();

/** The validators of the case's schema: its own, and those of any schema that is the same schema (an alias). */
const validatorsOf = (entry: CorpusCase) => sameSchemas(entry.schema).filter((name) => validators.has(name));

function verdictsOf(entry: CorpusCase) {
  return Object.fromEntries(
    validatorsOf(entry).map((name) => {
      const result = defined(validators.get(name), `the validator of ${name}`)(entry.payload);
      return [
        name,
        result.ok ? { ok: true as const, value: result.value } : { ok: false as const, issues: sorted(result.errors) },
      ];
    }),
  );
}

/** The same verdict from each of them. */
const fromEach = (entry: CorpusCase, verdict: unknown) =>
  Object.fromEntries(validatorsOf(entry).map((name) => [name, verdict]));

describe.each([...new Set(corpus.map((entry) => entry.file))])("%s", (file) => {
  const cases = corpus.filter((entry) => entry.file === file);

  it.each(cases.filter((entry) => entry.valid).map((entry) => [entry.name, entry] as const))(
    "accepts: %s",
    (_name, entry) => {
      expect(verdictsOf(entry)).toEqual(fromEach(entry, { ok: true, value: entry.payload }));
    },
  );

  it.each(cases.filter((entry) => !entry.valid).map((entry) => [entry.name, entry] as const))(
    "refuses: %s",
    (_name, entry) => {
      expect(verdictsOf(entry)).toEqual(fromEach(entry, { ok: false, issues: sorted(entry.errors) }));
    },
  );
});

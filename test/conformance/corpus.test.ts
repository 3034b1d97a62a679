import { describe, expect, it } from "vitest";
import { loadCorpus, schemaValidators, type CorpusCase, type ExpectedIssue } from "../helpers/conformance-corpus.ts";

const corpus = loadCorpus();
const validators = schemaValidators();

// Order-free: the corpus lists faults as a reader thinks of them, the validator in schema order.
const sorted = (issues: ExpectedIssue[]) => issues.map(({ path, keyword }) => `${path} ${keyword}`).sort();

function verdictOf(entry: CorpusCase) {
  const result = validators.get(entry.schema)!(entry.payload);
  return result.ok ? { ok: true as const, value: result.value } : { ok: false as const, issues: sorted(result.errors) };
}

describe.each([...new Set(corpus.map((entry) => entry.file))])("%s", (file) => {
  const cases = corpus.filter((entry) => entry.file === file);

  it.each(cases.filter((entry) => entry.valid).map((entry) => [entry.name, entry] as const))("accepts: %s", (_name, entry) => {
    expect(verdictOf(entry)).toEqual({ ok: true, value: entry.payload });
  });

  it.each(cases.filter((entry) => !entry.valid).map((entry) => [entry.name, entry] as const))("refuses: %s", (_name, entry) => {
    expect(verdictOf(entry)).toEqual({ ok: false, issues: sorted(entry.errors) });
  });
});

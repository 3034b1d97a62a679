import { beforeAll, describe, expect, it } from "vitest";
import { loadCorpus, schemaValidators } from "../helpers/conformance-corpus.ts";
import { loadKnownDivergences, type Oracle, oracleFor } from "../helpers/conformance-oracle.ts";

const corpus = loadCorpus();
const divergences = loadKnownDivergences();
const validators = schemaValidators();
const oracles = new Map<string, Oracle>();

beforeAll(async () => {
  for (const schema of validators.keys()) oracles.set(schema, await oracleFor(schema));
});

function verdicts(schema: string, payload: unknown) {
  const [validate, oracle] = [validators.get(schema), oracles.get(schema)];
  if (!validate || !oracle) throw new Error(`no generated validator for schema "${schema}"`);
  return { generated: validate(payload).ok, oracle: oracle(payload) };
}

describe("an independent validator agrees with the generated ones", () => {
  it.each(corpus.map((entry) => [entry.name, entry] as const))("%s", (_name, entry) => {
    expect(verdicts(entry.schema, entry.payload)).toEqual({ generated: entry.valid, oracle: entry.valid });
  });
});

// Where the two read a format's RFC differently. Pinned both ways, so a fix shows up as a failure
// that asks for the case to move into the corpus.
describe("known divergences still diverge exactly as recorded", () => {
  it.each(divergences.map((entry) => [entry.name, entry] as const))("%s", (_name, entry) => {
    expect(verdicts(entry.schema, entry.payload)).toEqual({ generated: entry.generated, oracle: entry.oracle });
  });
  // vitest fails a suite that holds no test: with none recorded, this one says so.
  if (divergences.length === 0) it("none is recorded", () => expect(divergences).toEqual([]));
});

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { validValues } from "../helpers/conformance-arbitraries.ts";
import { loadCorpus, schemaValidators } from "../helpers/conformance-corpus.ts";
import { MUTATION_CHOICES, type Mutation, mutationsOf } from "../helpers/conformance-mutations.ts";
import { type Oracle, oracleFor } from "../helpers/conformance-oracle.ts";
import { componentSchema, sameSchemas } from "../helpers/conformance-schemas.ts";
import { defined } from "../helpers/defined.ts";

/** A whole number from the environment, or undefined when the variable is unset. */
function fromEnvironment(name: string, minimum: number): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === "") return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < minimum)
    throw new Error(`${name} must be a whole number ≥ ${minimum}, not "${text}"`);
  return value;
}

// CONFORMANCE_RUNS payloads in all, shared evenly between valid and mutated payloads of every
// schema; CONFORMANCE_SEED replays a run (fast-check prints the seed of a failing one).
const TOTAL_RUNS = fromEnvironment("CONFORMANCE_RUNS", 1) ?? 10_000;
const SEED = fromEnvironment("CONFORMANCE_SEED", Number.MIN_SAFE_INTEGER);
const validators = schemaValidators();
const runsEach = Math.ceil(TOTAL_RUNS / (validators.size * 2));

describe.each([...validators.keys()])(
  "generated payloads of %s: the oracle and the generated validator agree",
  (schemaName) => {
    const schema = componentSchema(schemaName);
    const validate = defined(validators.get(schemaName), `the validator of ${schemaName}`);
    const payloads = validValues(schema, `#/components/schemas/${schemaName}`);
    let oracle: Oracle;
    beforeAll(async () => {
      oracle = await oracleFor(schemaName);
    });

    /** Runs a property, counting its runs: a property that silently ran less would prove less. */
    function check<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void) {
      let runs = 0;
      fc.assert(
        fc.property(arbitrary, (value) => {
          runs++;
          predicate(value);
        }),
        { numRuns: runsEach, ...(SEED !== undefined && { seed: SEED }) },
      );
      expect(runs).toBeGreaterThanOrEqual(runsEach);
    }

    const verdicts = (payload: unknown) => {
      const generated = validate(payload);
      return {
        generated: generated.ok ? ("valid" as const) : generated.errors,
        oracle: oracle(payload) ? "valid" : "invalid",
      };
    };

    /** Why a mutated payload does not count as refused by both, the generated validator naming the fault; undefined when it does. */
    function notRefused(payload: unknown, { what, expected }: Pick<Mutation, "what" | "expected">): string | undefined {
      const verdict = verdicts(payload);
      const named =
        verdict.generated !== "valid" &&
        verdict.generated.some((error) => error.path === expected.path && error.keyword === expected.keyword);
      if (named && verdict.oracle === "invalid") return undefined;
      return `${what}: expected ${JSON.stringify(expected)} from both; got ${JSON.stringify(verdict)} for ${JSON.stringify(payload)}`;
    }

    it(`accepts ${runsEach} valid payloads, both of them`, () => {
      check(payloads, (payload) => {
        const verdict = verdicts(payload);
        if (verdict.generated !== "valid" || verdict.oracle !== "valid")
          throw new Error(`a valid payload was refused: ${JSON.stringify(verdict)}`);
      });
    });

    it(`refuses ${runsEach} mutated payloads, both of them, the generated one naming the fault`, () => {
      const mutated = fc.tuple(payloads, fc.nat(), fc.nat()).map(([payload, where, choice]) => {
        const mutations = mutationsOf(payload, schema);
        const mutation = defined(mutations[where % mutations.length], "a mutation of the payload");
        return { mutation, payload: mutation.apply(payload, choice) };
      });
      check(mutated, ({ mutation, payload }) => {
        const problem = notRefused(payload, mutation);
        if (problem) throw new Error(problem);
      });
    });

    // Deterministic where the above is random: every place of every valid case, every sample.
    it("refuses every mutation of every valid corpus case, both of them, the generated one naming the fault", () => {
      const valid = loadCorpus().filter((entry) => sameSchemas(schemaName).includes(entry.schema) && entry.valid);
      const mutants = valid.flatMap((entry) =>
        mutationsOf(entry.payload, schema).flatMap((mutation) =>
          Array.from({ length: MUTATION_CHOICES }, (_, choice) => ({
            payload: mutation.apply(entry.payload, choice),
            what: `${entry.name}: ${mutation.what}`,
            expected: mutation.expected,
          })),
        ),
      );
      expect(mutants.length).toBeGreaterThan(valid.length * 20);
      expect(mutants.map((mutant) => notRefused(mutant.payload, mutant)).filter(Boolean)).toEqual([]);
    });
  },
);

describe("the payload generator", () => {
  it("refuses a keyword or format it cannot honour, rather than ignore it", () => {
    expect(() => validValues({ type: "string", pattern: "^[A-Z]{3}$" }, "#/x")).toThrow(
      `#/x: no arbitrary for keyword "pattern"`,
    );
    expect(() => validValues({ type: "string", format: "ipv4" }, "#/x")).toThrow(`#/x: no arbitrary for format "ipv4"`);
  });
});

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createPiriodFake } from "../../src/testing/index.ts";
import { validValues } from "../helpers/conformance-arbitraries.ts";
import { mutationsOf } from "../helpers/conformance-mutations.ts";
import { type Oracle, oracleFor } from "../helpers/conformance-oracle.ts";
import { componentSchema } from "../helpers/conformance-schemas.ts";
import { defined } from "../helpers/defined.ts";
import {
  documentedResponse,
  operationTitle,
  type SpecOperation,
  specOperations,
} from "../helpers/operations-of-spec.ts";

// Every answer of the fake, over generated sequences of calls to every operation of the spec (valid
// and broken bodies, known and unknown ids, filters and pages, good and bad headers), must be a
// status the spec documents for that operation, with a body that the independent validator
// (hyperjump, reading the bundled spec itself) accepts against the schema the spec gives it.
const WORKSPACE = "acc_01H8XYZ123ABC";
const SEQUENCES = 60;
const operations = specOperations();
const oracles = new Map<string, Oracle>();

beforeAll(async () => {
  for (const operation of operations) {
    for (const response of operation.responses)
      if (response.schema && !oracles.has(response.schema))
        oracles.set(response.schema, await oracleFor(response.schema));
  }
});

/** A request body for the operation: one of its examples, a generated valid one, or a valid one broken in one place. */
function bodies(operation: SpecOperation): fc.Arbitrary<unknown> {
  const { requestBody } = operation;
  if (requestBody?.schema === undefined) return fc.constant(undefined);
  const name = requestBody.schema;
  const schema = componentSchema(name);
  const valid = validValues(schema, `#/components/schemas/${name}`);
  const broken = fc.tuple(valid, fc.nat(), fc.nat()).map(([payload, where, choice]) => {
    const mutations = mutationsOf(payload, schema);
    return mutations.length === 0
      ? payload
      : defined(mutations[where % mutations.length], "a mutation").apply(payload, choice);
  });
  return fc.oneof(fc.constantFrom(...requestBody.examples), valid, broken);
}

/** A query for the operation: each of its parameters left out, given its example, or given text it may not read. */
function queries(operation: SpecOperation): fc.Arbitrary<[string, string][]> {
  const parameters = operation.parameters.filter((parameter) => parameter.in === "query");
  const entries = parameters.map((parameter) => {
    const examples: [string, string][][] =
      parameter.queryPrefix !== undefined
        ? [
            Object.entries(parameter.example as Record<string, string>).map(([key, value]) => [
              `${parameter.queryPrefix}${key}`,
              value,
            ]),
          ]
        : [[[parameter.name, String(parameter.example)]]];
    return fc.oneof(
      fc.constant([] as [string, string][]),
      fc.constantFrom(...examples),
      fc
        .oneof(fc.integer({ min: -1, max: 4 }).map(String), fc.constantFrom("", "yesterday", "true", "CL", "-created"))
        .map((text) => [[parameter.name, text]] as [string, string][]),
    );
  });
  return fc.tuple(...entries).map((lists) => lists.flat());
}

const steps = fc.array(
  fc.nat(operations.length - 1).chain((index) => {
    const operation = defined(operations[index], `operation ${index}`);
    return fc.record({
      operation: fc.constant(operation),
      body: bodies(operation),
      query: queries(operation),
      target: fc.nat(),
      authorization: fc.constantFrom<string | undefined>(
        "Token sk_test_fake",
        "Token sk_test_fake",
        "Token sk_test_fake",
        undefined,
        "Token",
      ),
      workspace: fc.constantFrom<string | undefined>(WORKSPACE, WORKSPACE, WORKSPACE, "acc_not_mine", undefined),
      testMode: fc.boolean(),
    });
  }),
  { minLength: 5, maxLength: 30 },
);

describe("every answer of the fake conforms to the spec, by an independent validator", () => {
  it(`over ${SEQUENCES} generated sequences of calls to every operation`, async () => {
    const seen = new Map<string, number>();
    let answers = 0;
    await fc.assert(
      fc.asyncProperty(steps, async (sequence) => {
        const fake = createPiriodFake({ workspaces: [WORKSPACE], examples: true });
        const ids = ["cus_01H8XYZ123ABC", "con_01H8XYZ123ABC"];
        for (const step of sequence) {
          const { operation } = step;
          // A known id (of whichever resource: a wrong one is a 404 too), or, past the end of ids, one nobody has.
          const id = ids[step.target % (ids.length + 1)] ?? "cus_NOBODY";
          const query = new URLSearchParams(step.query).toString();
          const headers: Record<string, string> = {};
          if (step.authorization !== undefined) headers.authorization = step.authorization;
          if (step.workspace !== undefined) headers["x-simple-workspace"] = step.workspace;
          if (step.testMode) headers["x-piriod-test-mode"] = "true";
          if (step.body !== undefined) headers["content-type"] = "application/json";
          const response = await fake.fetch(
            `https://api.piriod.com${operation.path.replace("{id}", encodeURIComponent(id))}${query ? `?${query}` : ""}`,
            {
              method: operation.method.toUpperCase(),
              headers,
              ...(step.body === undefined ? {} : { body: JSON.stringify(step.body) }),
            },
          );
          const where = `${operationTitle(operation)} ${query} answered ${response.status}`;
          const documented = documentedResponse(operation, String(response.status));
          expect(documented, `${where}, which the spec does not document for it`).toBeDefined();
          const text = await response.text();
          const { schema } = defined(documented, "the documented response");
          if (schema === undefined) {
            expect(text, `${where} with a body`).toBe("");
          } else {
            expect(response.headers.get("content-type"), where).toBe("application/json");
            const body: unknown = JSON.parse(text);
            expect(
              defined(oracles.get(schema), `the oracle of ${schema}`)(body),
              `${where} with ${text}, which is not a valid ${schema}`,
            ).toBe(true);
            if (response.status === 201) ids.push((body as { id: string }).id);
          }
          seen.set(
            `${operation.method} ${response.status}`,
            (seen.get(`${operation.method} ${response.status}`) ?? 0) + 1,
          );
          answers++;
        }
      }),
      { numRuns: SEQUENCES },
    );
    // The sequences must have reached every kind of answer, or they prove less than they claim.
    const statuses = new Set([...seen.keys()].map((key) => key.split(" ")[1]));
    expect([...statuses].sort()).toEqual(["200", "201", "204", "400", "401", "403", "404"]);
    expect(seen.get("patch 200") ?? 0).toBeGreaterThan(0);
    expect(answers).toBeGreaterThan(SEQUENCES * 5);
  }, 120_000);
});

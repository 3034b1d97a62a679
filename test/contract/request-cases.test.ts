import { describe, expect, it } from "vitest";
import { type CorpusCase, loadCorpus, schemaValidators } from "../helpers/conformance-corpus.ts";
import { sameSchemas } from "../helpers/conformance-schemas.ts";
import { defined } from "../helpers/defined.ts";
import { documentedResponse, operationTitle, specOperations, successResponse } from "../helpers/operations-of-spec.ts";
import { PRISM_DIVERGENCES } from "../helpers/prism-divergences.ts";
import { send, usePrismMock } from "../helpers/prism-mock.ts";
import { operationCall } from "../helpers/prism-operations.ts";
import { namesIssue, parseViolations } from "../helpers/prism-violations.ts";
import { compileAt } from "../helpers/spec-ajv.ts";

const prism = usePrismMock();
const corpus = loadCorpus();
const validators = schemaValidators();
const divergence = (entry: CorpusCase) => PRISM_DIVERGENCES.find((candidate) => candidate.name === entry.name);

it("every case Prism is known to judge otherwise is in the corpus", () => {
  expect(
    PRISM_DIVERGENCES.map((entry) => entry.name).filter((name) => !corpus.some((entry) => entry.name === name)),
  ).toEqual([]);
});

// Every operation that takes a JSON body gets every corpus case of its body's schema; one that
// takes none has no body to vary (headers.test.ts sends it as it is).
describe.each(
  specOperations().flatMap((operation) => {
    const schema = operation.requestBody?.schema;
    return schema ? [[operationTitle(operation), operation, schema] as const] : [];
  }),
)("the mock of %s", (_title, operation, schema) => {
  const call = operationCall(operation);
  const cases = corpus.filter((entry) => sameSchemas(schema).includes(entry.schema));
  const request = (entry: CorpusCase) =>
    send(prism().url + call.path, { method: call.method, headers: call.headers, body: JSON.stringify(entry.payload) });
  // Prism answers a refused body with the spec's 422 where there is one, else its 400.
  const refusal = documentedResponse(operation, "422") ? "422" : "400";
  const documented = defined(documentedResponse(operation, refusal), `the ${refusal} response`);
  const success = defined(successResponse(operation), "the 2xx response");
  const answeredWith = defined(success.schema, "the 2xx response's schema");
  const answered = defined(validators.get(answeredWith), `the validator of ${answeredWith}`);

  it("has cases to send, and a documented refusal to expect", () => {
    expect(cases.filter((entry) => entry.valid).length).toBeGreaterThan(10);
    expect(cases.filter((entry) => !entry.valid).length).toBeGreaterThan(50);
    expect(documented.examples.length).toBeGreaterThan(0);
  });

  /** Prism's answer to a case it is known to judge otherwise: the refusal naming its fault, or success. */
  async function expectPrismDivergence(entry: CorpusCase) {
    const known = defined(divergence(entry), `the recorded divergence of ${entry.name}`);
    const response = await request(entry);
    if (known.prism === "accepts") {
      expect(response.status).toBe(Number(success.status));
      return;
    }
    expect(response.status).toBe(Number(refusal));
    const issue = known.prism;
    expect(
      parseViolations(response.headers.get("sl-violations")).filter((violation) => namesIssue(violation, issue)),
    ).not.toEqual([]);
  }

  it.each(cases.filter((entry) => divergence(entry)).map((entry) => [entry.name, entry] as const))(
    "judges otherwise, as recorded in test/helpers/prism-divergences.ts: %s",
    async (_name, entry) => {
      await expectPrismDivergence(entry);
    },
  );

  it.each(cases.filter((entry) => entry.valid && !divergence(entry)).map((entry) => [entry.name, entry] as const))(
    `answers ${success.status} with a valid body to: %s`,
    async (_name, entry) => {
      const response = await request(entry);
      expect(response.status).toBe(Number(success.status));
      expect(response.headers.get("sl-violations")).toBeNull();
      expect(answered(response.body)).toEqual({ ok: true, value: response.body });
    },
  );

  it.each(cases.filter((entry) => !entry.valid && !divergence(entry)).map((entry) => [entry.name, entry] as const))(
    `answers ${refusal}, naming each fault, to: %s`,
    async (_name, entry) => {
      const response = await request(entry);
      expect(response.status).toBe(Number(refusal));
      expect(documented.examples).toContainEqual(response.body);
      const refusalSchema = compileAt(defined(documented.schemaPointer, `the ${refusal} response's schema`));
      expect(refusalSchema(response.body)).toBe(true);
      const violations = parseViolations(response.headers.get("sl-violations"));
      if (entry.payload === null) {
        // Prism reads a JSON null body as no body at all, so it refuses it for being absent (at
        // ["request"], "Body parameter is required") rather than for its type: the same refusal,
        // reported under another name.
        expect(violations).toContainEqual(expect.objectContaining({ location: ["request"], code: "required" }));
        return;
      }
      const unnamed = entry.errors.filter((issue) => !violations.some((violation) => namesIssue(violation, issue)));
      expect(unnamed, `sl-violations: ${JSON.stringify(violations)}`).toEqual([]);
    },
  );
});

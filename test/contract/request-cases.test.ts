import { describe, expect, it } from "vitest";
import { loadCorpus, schemaValidators, type CorpusCase } from "../helpers/conformance-corpus.ts";
import { schemaUses } from "../helpers/conformance-schemas.ts";
import { send, usePrismMock } from "../helpers/prism-mock.ts";
import { documentedResponse, operationCall } from "../helpers/prism-operations.ts";
import { namesIssue, parseViolations } from "../helpers/prism-violations.ts";
import { compileAt } from "../helpers/spec-ajv.ts";

const prism = usePrismMock();
const corpus = loadCorpus();
const validators = schemaValidators();

// Every operation that takes a JSON body gets every corpus case of its body's schema.
describe.each(schemaUses().filter((use) => use.role === "request").map((use) => [`${use.method.toUpperCase()} ${use.path}`, use] as const))("the mock of %s", (_operation, use) => {
  const call = operationCall(use);
  const cases = corpus.filter((entry) => entry.schema === use.schema);
  const request = (entry: CorpusCase) => send(prism().url + call.path, { method: call.method, headers: call.headers, body: JSON.stringify(entry.payload) });
  // Prism answers a refused body with the spec's 422 where there is one, else its 400.
  const refusal = documentedResponse(use, "422") ? "422" : "400";
  const documented = documentedResponse(use, refusal)!;
  const answered = validators.get(use.answeredWith!)!;

  it("has cases to send, and a documented refusal to expect", () => {
    expect(cases.filter((entry) => entry.valid).length).toBeGreaterThan(10);
    expect(cases.filter((entry) => !entry.valid).length).toBeGreaterThan(50);
    expect(documented.examples.length).toBeGreaterThan(0);
  });

  it.each(cases.filter((entry) => entry.valid).map((entry) => [entry.name, entry] as const))(`answers ${use.answeredStatus} with a valid body to: %s`, async (_name, entry) => {
    const response = await request(entry);
    expect(response.status).toBe(use.answeredStatus);
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(answered(response.body)).toEqual({ ok: true, value: response.body });
  });

  it.each(cases.filter((entry) => !entry.valid).map((entry) => [entry.name, entry] as const))(`answers ${refusal}, naming each fault, to: %s`, async (_name, entry) => {
    const response = await request(entry);
    expect(response.status).toBe(Number(refusal));
    expect(documented.examples).toContainEqual(response.body);
    expect(compileAt(documented.schemaPointer)(response.body)).toBe(true);
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
  });
});

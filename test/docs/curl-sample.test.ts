import { describe, expect, it } from "vitest";
import { schemaValidators } from "../helpers/conformance-corpus.ts";
import { componentSchema, resolve } from "../helpers/conformance-schemas.ts";
import { defined } from "../helpers/defined.ts";
import {
  codeSample,
  filledPath,
  headerParameters,
  operationTitle,
  type SpecOperation,
  specOperations,
  successResponse,
} from "../helpers/operations-of-spec.ts";
import { usePrismMock } from "../helpers/prism-mock.ts";
import { runCurl } from "../helpers/run-curl.ts";
import { bundledSpec } from "../helpers/spec-examples.ts";

const PRODUCTION: string = bundledSpec.servers[0].url;
const validators = schemaValidators();
const prism = usePrismMock();

/** The sample as a reader runs it: pointed at `baseUrl`, with a token in place of `<api_token>`. */
function asReaderRunsIt(command: string, baseUrl: string): string {
  const ready = command.split(PRODUCTION).join(baseUrl).replace("<api_token>", "sk_test_docs_sample_token");
  const left = ready.match(/<[a-z_]+>/g);
  if (left) throw new Error(`the curl sample has placeholders this test does not fill in: ${left.join(", ")}`);
  return ready;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Drops the line of the sample that sends a header. */
const withoutHeader = (name: string) => (command: string) =>
  command.replace(new RegExp(`^.*['"]${escapeRegExp(name)}:.*(\\n|$)`, "im"), "");

interface RefusedEdit {
  change: string;
  edit: (command: string) => string;
  status: number;
  /** What the mock's sl-violations must name, where it names anything. */
  named?: string;
}

/** The edits a reader could make to the sample, each of which the mock must refuse. */
function refusedEdits(operation: SpecOperation, sample: string): RefusedEdit[] {
  const edits: RefusedEdit[] = [
    ...operation.apiKeyHeaders.map((name) => ({
      change: `its ${name} header`,
      edit: withoutHeader(name),
      status: 401,
    })),
    ...headerParameters(operation)
      .filter((header) => header.required)
      .map((header) => ({
        change: `its ${header.name} header`,
        edit: withoutHeader(header.name),
        status: 400,
        named: `'${header.name}'`,
      })),
  ];
  const url = `${PRODUCTION}${filledPath(operation)}'`;
  if (url.endsWith("/'"))
    edits.push({
      change: "the trailing slash",
      edit: (command) => command.replace(url, `${url.slice(0, -2)}'`),
      status: 404,
    });
  // A closed body refuses a field it does not know: a misspelling of an optional field the sample sends.
  const body =
    operation.requestBody?.schema === undefined ? undefined : resolve(componentSchema(operation.requestBody.schema));
  const required = body?.required ?? [];
  const sent = Object.keys(body?.additionalProperties === false ? (body.properties ?? {}) : {}).find(
    (name) => !required.includes(name) && sample.includes(`"${name}"`),
  );
  if (sent) {
    const misspelled = `${sent[0]}_${sent.slice(1)}`;
    edits.push({
      change: `a correctly spelled field (${sent})`,
      edit: (command) => command.replace(`"${sent}"`, `"${misspelled}"`),
      status: 400,
      named: `'${misspelled}'`,
    });
  }
  return edits;
}

describe.each(specOperations().map((operation) => [operationTitle(operation), operation] as const))(
  "the curl sample of %s",
  (_title, operation) => {
    const sample = codeSample(operation, "curl");
    const success = successResponse(operation);

    it("is found, and addresses the production server with the path's trailing slash, a token placeholder and every required header", () => {
      expect(sample).toContain(`'${PRODUCTION}${filledPath(operation)}'`);
      for (const name of operation.apiKeyHeaders) expect(sample).toContain(`${name}: Token <api_token>`);
      for (const header of headerParameters(operation).filter((header) => header.required))
        expect(sample).toContain(`${header.name}: ${String(header.example)}`);
    });

    it(`gets the spec's ${success?.status}${success?.schema ? ` and a body that is a ${success.schema}` : ""} from the mock of the spec, which finds nothing wrong with the request`, async () => {
      expect(success, `${operationTitle(operation)} documents no 2xx response`).toBeDefined();
      const result = await runCurl(asReaderRunsIt(sample, prism().url));
      expect(result.violations).toBe("");
      const { status, schema } = defined(success, "the 2xx response");
      expect(result.status).toBe(Number(status));
      if (schema === undefined) {
        expect(result.body).toBe("");
        return;
      }
      const body = defined(validators.get(schema), `the validator of ${schema}`)(JSON.parse(result.body));
      expect(body.ok, JSON.stringify(body)).toBe(true);
    });

    // The mock checks what the sample sends: each of these edits makes it fail.
    it.each(refusedEdits(operation, sample).map((refused) => [refused.change, refused] as const))(
      "is refused without %s",
      async (_change, { edit, status, named }) => {
        const edited = edit(sample);
        expect(edited).not.toBe(sample);
        const result = await runCurl(asReaderRunsIt(edited, prism().url));
        expect(result.status).toBe(status);
        if (named) expect(result.violations).toContain(named);
      },
    );
  },
);

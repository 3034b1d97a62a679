import { describe, expect, it } from "vitest";
import { schemaValidators } from "../helpers/conformance-corpus.ts";
import { defined } from "../helpers/defined.ts";
import {
  documentedResponse,
  headerParameters,
  operationTitle,
  type SpecParameter,
  specOperations,
  successResponse,
} from "../helpers/operations-of-spec.ts";
import { send, usePrismMock } from "../helpers/prism-mock.ts";
import { operationCall } from "../helpers/prism-operations.ts";
import { parseViolations } from "../helpers/prism-violations.ts";
import { compileAt } from "../helpers/spec-ajv.ts";

const prism = usePrismMock();
const validators = schemaValidators();

// Piriod refuses any call without its token or its workspace: every operation must declare both,
// so that an operation which forgot one fails here instead of going untested.
const EVERY_CALL_NEEDS = { apiKeyHeader: "Authorization", requiredHeaders: ["x-simple-workspace"] };

/** Values a header's schema takes, and one it refuses, for the types a header value can break. */
function headerValues(parameter: SpecParameter): { valid: string[]; invalid: string } | undefined {
  const types = ([] as string[]).concat(parameter.schema.type ?? []);
  if (types.includes("boolean")) return { valid: ["true", "false"], invalid: "sometimes" };
  if (types.includes("integer") || types.includes("number"))
    return { valid: [String(parameter.example ?? 1)], invalid: "sometimes" };
  return undefined;
}

describe.each(specOperations().map((operation) => [operationTitle(operation), operation] as const))(
  "%s headers, as the mock enforces them",
  (_title, operation) => {
    const call = operationCall(operation);
    const success = successResponse(operation);
    const required = headerParameters(operation).filter((header) => header.required);
    const typed = headerParameters(operation).flatMap((header) => {
      const values = headerValues(header);
      return header.required || !values ? [] : [[header.name, values] as const];
    });

    /** The operation's valid call, with its headers less `omit`, plus `extra`. */
    function request({ omit = [] as string[], extra = {} as Record<string, string>, path = call.path } = {}) {
      const headers = Object.fromEntries(
        Object.entries({ ...call.headers, ...extra }).filter(([name]) => !omit.includes(name)),
      );
      return send(prism().url + path, {
        method: call.method,
        headers,
        ...(call.body !== undefined && { body: call.body }),
      });
    }

    /** Asserts the body is one the spec documents for that status, and fits its schema. */
    function expectDocumented(status: string, body: unknown) {
      const documented = documentedResponse(operation, status);
      expect(documented, `${operationTitle(operation)} documents no ${status}`).toBeDefined();
      const { examples, schemaPointer } = defined(documented, `the ${status} response`);
      expect(examples).toContainEqual(body);
      expect(compileAt(defined(schemaPointer, `the ${status} response's schema`))(body)).toBe(true);
    }

    it(`declares the ${EVERY_CALL_NEEDS.apiKeyHeader} API key and the headers every call needs`, () => {
      expect(operation.apiKeyHeaders).toContain(EVERY_CALL_NEEDS.apiKeyHeader);
      expect(required.map((header) => header.name)).toEqual(expect.arrayContaining(EVERY_CALL_NEEDS.requiredHeaders));
    });

    it("takes a valid call with the API key and every required header, answering its documented 2xx, with a body of its schema where it has one", async () => {
      expect(success, `${operationTitle(operation)} documents no 2xx response`).toBeDefined();
      expect(call.headers).toMatchObject({
        [EVERY_CALL_NEEDS.apiKeyHeader.toLowerCase()]: expect.stringMatching(/^Token /),
      });
      if (operation.requestBody) expect(call.body).toBeDefined();
      const response = await request();
      expect(response.headers.get("sl-violations")).toBeNull();
      const { status, schema } = defined(success, "the 2xx response");
      expect(response.status).toBe(Number(status));
      if (schema === undefined) expect(response.body).toBe("");
      else {
        const validate = defined(validators.get(schema), `the validator of ${schema}`);
        expect(validate(response.body)).toEqual({ ok: true, value: response.body });
      }
    });

    it.each(operation.apiKeyHeaders)("refuses a request without %s with the spec's 401", async (name) => {
      const response = await request({ omit: [name.toLowerCase()] });
      expect(response.status).toBe(401);
      expectDocumented("401", response.body);
    });

    it.each(required.map((header) => header.name))(
      "refuses a request without %s with the spec's 400, naming the header",
      async (name) => {
        const response = await request({ omit: [name.toLowerCase()] });
        expect(response.status).toBe(400);
        // Prism answers with the first 400 example, whatever the cause: it cannot pick the spec's
        // missingWorkspace example by itself, so only the status and the shape are the spec's.
        expectDocumented("400", response.body);
        const violations = parseViolations(response.headers.get("sl-violations"));
        expect(violations).toContainEqual(
          expect.objectContaining({
            location: ["request", "header"],
            code: "required",
            message: expect.stringContaining(`'${name}'`),
          }),
        );
      },
    );

    it.each(typed)("takes %s as its schema's type, and refuses anything else", async (name, values) => {
      const status = Number(defined(success, "the 2xx response").status);
      for (const value of values.valid) expect((await request({ extra: { [name]: value } })).status).toBe(status);
      const response = await request({ extra: { [name]: values.invalid } });
      expect(response.status).toBe(400);
      expect(parseViolations(response.headers.get("sl-violations"))).toContainEqual(
        expect.objectContaining({ location: ["request", "header", name] }),
      );
    });

    if (operation.path.endsWith("/")) {
      it("serves the path only with its trailing slash", async () => {
        const response = await request({ path: call.path.replace(/\/$/, "") });
        expect(response.status).toBe(404);
      });
    }
  },
);

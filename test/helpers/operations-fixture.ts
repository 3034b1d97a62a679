/**
 * A small spec of its own, written to differ from Piriod's wherever a suite could have assumed
 * something about the operations it reads: three operations on two paths and two tags (listed
 * out of alphabetical order) and a tag with none, a body on one, a 204 with no content, an operation-level parameter
 * that overrides a path-level one, a parameter example under `examples`, a path example that
 * needs percent-encoding, an operation-level security scheme, query parameters written as a
 * comma-joined array and as prefixed keys of an object, a guide with headings at two levels
 * and a `#` inside fenced code, and a webhook (an operation the API's suites must not read) whose body schema is written in place.
 */
export function fixtureSpec() {
  const json = (schema: string, example: unknown) => ({
    content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` }, example } },
  });
  return {
    openapi: "3.1.0",
    info: {
      title: "Fixture API",
      version: "1.0.0",
      description: "Intro.\n\n## Sign in\n\n```sh\n# not a heading\n```\n\n### Limits\n\nText.\n",
    },
    security: [{ KeyAuth: [] }],
    tags: [
      { name: "people" },
      { name: "billing runs" },
      { name: "archive", description: "No operation yet." },
      { name: "notifications" },
    ],
    paths: {
      "/people/{id}/": {
        parameters: [{ $ref: "#/components/parameters/Id" }, { $ref: "#/components/parameters/Account" }],
        get: {
          operationId: "getPerson",
          summary: "Get person",
          tags: ["people"],
          "x-codeSamples": [
            { lang: "curl", source: "curl 'https://api.example.com/people/p%2F1/'\n" },
            { lang: "TypeScript", source: 'import { client } from "fixture";\n' },
          ],
          responses: {
            "200": { $ref: "#/components/responses/Person" },
            "404": { $ref: "#/components/responses/Missing" },
          },
        },
        put: {
          operationId: "replacePerson",
          summary: "Replace person",
          tags: ["people"],
          parameters: [
            { name: "x-account", in: "header", required: false, schema: { type: "string" }, example: "acc_2" },
          ],
          requestBody: {
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/PersonInput" },
                examples: { ana: { value: { name: "Ana" } } },
              },
            },
          },
          responses: { "200": { $ref: "#/components/responses/Person" } },
        },
      },
      "/runs/{id}": {
        parameters: [{ $ref: "#/components/parameters/Id" }],
        delete: {
          operationId: "cancelRun",
          summary: "Cancel run",
          tags: ["billing runs"],
          security: [{ RunKey: [] }],
          parameters: [
            {
              name: "reason",
              in: "query",
              schema: { type: "array", items: { type: "string" } },
              style: "form",
              explode: false,
              example: ["late", "duplicate"],
            },
            {
              name: "labels",
              in: "query",
              schema: { type: "object", additionalProperties: { type: "string" } },
              "x-piriod-query-prefix": "label__",
              example: { team: "ops" },
            },
          ],
          responses: { "204": { description: "Cancelled." }, "404": { $ref: "#/components/responses/Missing" } },
        },
      },
    },
    webhooks: {
      "run.finished": {
        post: {
          operationId: "runFinished",
          summary: "Run finished",
          tags: ["notifications"],
          security: [],
          requestBody: {
            content: {
              "application/json": {
                schema: { type: "object", required: ["run"], properties: { run: { type: "string" } } },
                example: { run: "run_1" },
              },
            },
          },
          responses: { "2XX": { description: "Received." } },
        },
      },
    },
    components: {
      securitySchemes: {
        KeyAuth: { type: "apiKey", in: "header", name: "Authorization" },
        RunKey: { type: "apiKey", in: "header", name: "X-Run-Key" },
      },
      parameters: {
        Id: {
          name: "id",
          in: "path",
          required: true,
          schema: { type: "string" },
          examples: { slashed: { value: "p/1" } },
        },
        Account: { name: "x-account", in: "header", required: true, schema: { type: "string" }, example: "acc_1" },
      },
      schemas: {
        Person: {
          type: "object",
          required: ["id", "name"],
          properties: { id: { type: "string", readOnly: true }, name: { type: "string" } },
        },
        PersonInput: {
          type: "object",
          additionalProperties: false,
          required: ["name"],
          properties: { name: { type: "string", maxLength: 40 } },
        },
        Problem: { type: "object", properties: { detail: { type: "string" } } },
      },
      responses: {
        Person: { description: "The person.", ...json("Person", { id: "p/1", name: "Ana" }) },
        Missing: { description: "No such thing.", ...json("Problem", { detail: "Not found." }) },
      },
    },
  };
}

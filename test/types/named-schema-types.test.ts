import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { nameSchemaTypes, schemaReferenceHooks } from "../../scripts/lib/named-schema-types.ts";
import type { SpecDocument } from "../../scripts/lib/spec-document.ts";

// The schema types are named through openapi-typescript's own hooks: `transform` sees a property's `$ref`, `postTransform` the
// type it made of any other `$ref` to a schema. These tests pin where openapi-typescript 7.13.0 calls each: a reference they miss
// must stop generation naming openapi-typescript and its version, never reach generated/schema.d.ts.
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
// openapi-typescript's SchemaObject has no variant for a schema that is only a composition: the fixture is JSON, as a bundle is.
const spec = JSON.parse(
  JSON.stringify({
    openapi: "3.1.0",
    info: { title: "Refs", version: "1" },
    paths: {
      "/things/": {
        get: {
          operationId: "listThings",
          responses: {
            "200": {
              description: "ok",
              content: { "application/json": { schema: { type: "array", items: ref("Thing") } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Tag: { type: "string", description: "A label." },
        Thing: {
          type: "object",
          description: "A thing.",
          properties: {
            tag: ref("Tag"),
            tags: { type: "array", items: ref("Tag") },
            byName: { type: "object", additionalProperties: ref("Tag") },
            either: { oneOf: [ref("Tag"), { type: "integer" }] },
          },
        },
        Special: { allOf: [ref("Thing"), { type: "object", properties: { extra: { type: "boolean" } } }] },
      },
    },
  }),
) as SpecDocument;

async function declarations(hooks: object): Promise<ReturnType<typeof nameSchemaTypes>> {
  const statements = await openapiTS(structuredClone(spec), { silent: true, ...hooks });
  return nameSchemaTypes(statements, Object.keys(spec.components.schemas), new Set());
}

describe("named schema types", () => {
  it("write every reference to a schema, wherever it stands, as the schema's name, each declared with its comment", async () => {
    const text = astToString(await declarations(schemaReferenceHooks));
    expect(text).not.toContain('components["schemas"]');
    expect(text).toMatch(/tag\?: Tag;/);
    expect(text).toMatch(/tags\?: Tag\[\];/);
    expect(text).toMatch(/byName\?: \{\s*\[key: string\]: Tag;/);
    expect(text).toMatch(/either\?: Tag \| number;/);
    expect(text).toMatch(/export type Special = Thing & \{/);
    expect(text).toMatch(/"application\/json": Thing\[\];/);
    expect(text).toMatch(/\/\*\* @description A thing\. \*\/\nexport type Thing = \{/);
    expect(text).toMatch(/Thing: Thing;/);
  });

  it("stop generation, naming openapi-typescript and its version, at a reference the hooks did not see", async () => {
    await expect(declarations({})).rejects.toThrow(
      /openapi-typescript 7\.13\.0 wrote components\["schemas"\]\["\w+"\] where neither its transform nor its postTransform hook saw the reference/,
    );
  });

  it("refuse a schema whose name is no identifier or is already exported by the package", async () => {
    const statements = await openapiTS(structuredClone(spec), { silent: true, ...schemaReferenceHooks });
    expect(() => nameSchemaTypes(statements, ["Tax-Settings"], new Set())).toThrow(
      "components/schemas/Tax-Settings cannot be exported under its own name",
    );
    expect(() => nameSchemaTypes(statements, ["Thing"], new Set(["Thing"]))).toThrow(
      "components/schemas/Thing has the name of an export of the package's entry points (src/); rename the schema",
    );
  });
});

import { describe, expect, it } from "vitest";
import { validateCustomer, validateCustomerUpdate } from "../../generated/validators.js";
import { childPointer } from "../helpers/conformance-schemas.ts";
import { compileAt } from "../helpers/spec-ajv.ts";
import { bundledSpec } from "../helpers/spec-examples.ts";

interface FoundExample {
  /** JSON Pointer of the example in the bundled spec. */
  where: string;
  /** JSON Pointer of the schema it illustrates. */
  schema: string;
  value: unknown;
}

/**
 * Every example in the spec with the schema it illustrates: media type and parameter examples
 * (`example`, `examples.*.value`) and schema `examples` and `default`s.
 */
function findExamples(node: unknown, pointer = ""): FoundExample[] {
  if (node === null || typeof node !== "object") return [];
  const found: FoundExample[] = [];
  const object = node as Record<string, unknown>;
  const isSchema =
    pointer.includes("/schemas/") ||
    /\/schema(\/|$)/.test(pointer) ||
    /\/(properties\/[^/]+|items|anyOf\/\d+|additionalProperties)$/.test(pointer);
  if ("schema" in object && typeof object.schema === "object") {
    if ("example" in object)
      found.push({ where: `${pointer}/example`, schema: `${pointer}/schema`, value: object.example });
    for (const [name, example] of Object.entries((object.examples ?? {}) as Record<string, { value?: unknown }>)) {
      found.push({
        where: `${childPointer(`${pointer}/examples`, name)}/value`,
        schema: `${pointer}/schema`,
        value: example.value,
      });
    }
  } else if (isSchema && !("$ref" in object)) {
    if (Array.isArray(object.examples)) {
      for (const [index, value] of object.examples.entries()) {
        found.push({ where: `${pointer}/examples/${index}`, schema: pointer, value });
      }
    }
    if ("default" in object) found.push({ where: `${pointer}/default`, schema: pointer, value: object.default });
  }
  for (const [key, child] of Object.entries(object)) {
    if (key === "example" || (key === "examples" && !isSchema) || key === "enum") continue;
    if (key === "examples" && Array.isArray(child)) continue;
    found.push(...findExamples(child, childPointer(pointer, key)));
  }
  return found;
}

const examples = findExamples(bundledSpec);

describe("every example in the spec", () => {
  it("is found: the walk reaches media types, parameters and schemas", () => {
    const where = examples.map((example) => example.where);
    expect(where).toContain(
      "/paths/~1customers~1{id}~1/patch/requestBody/content/application~1json/examples/chileanCustomer/value",
    );
    expect(where).toContain("/components/parameters/IdPath/example");
    expect(where).toContain("/components/schemas/CustomerWrite/properties/name/examples/0");
    expect(where).toContain("/components/schemas/Customer/properties/send_invoices/default");
    expect(where.filter((w) => w.startsWith("/components/responses/")).length).toBeGreaterThanOrEqual(6);
    expect(examples.length).toBeGreaterThan(60);
  });

  it.each(examples.map((example) => [example.where, example] as const))("validates: %s", (_where, example) => {
    const validate = compileAt(example.schema);
    expect(validate(example.value), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe("the operation's examples", () => {
  const operation = bundledSpec.paths["/customers/{id}/"].patch;
  it("pass the generated validators too", () => {
    for (const example of Object.values(operation.requestBody.content["application/json"].examples) as {
      value: unknown;
    }[]) {
      expect(validateCustomerUpdate(example.value).ok).toBe(true);
    }
    for (const example of Object.values(operation.responses["200"].content["application/json"].examples) as {
      value: unknown;
    }[]) {
      expect(validateCustomer(example.value).ok).toBe(true);
    }
  });
});

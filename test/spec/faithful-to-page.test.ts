import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defined } from "../helpers/defined.ts";
import { type PageField, pageFields } from "../helpers/endpoint-page.ts";
import { bundledSpec } from "../helpers/spec-examples.ts";

// The endpoint page is the contract of record; fixtures/customers-patch.page.txt is a copy of it.
const page = readFileSync(new URL("./fixtures/customers-patch.page.txt", import.meta.url), "utf8");
const schemas = bundledSpec.components.schemas;

interface Schema {
  type?: string | string[];
  format?: string;
  maxLength?: number;
  default?: unknown;
  enum?: string[];
  readOnly?: boolean;
  description?: string;
  items?: Schema;
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: unknown;
}

const resolve = (schema: Schema): Schema =>
  schema.$ref ? resolve(schemas[schema.$ref.slice(schema.$ref.lastIndexOf("/") + 1)]) : schema;
const plain = (text: string) => text.replace(/`/g, "").replace(/\s+/g, " ").trim();

/** What the page says of a field, read back from a schema, in the page's own terms. */
function asPageField(name: string, property: Schema, required: string[]): Omit<PageField, "description"> {
  const schema = resolve(property);
  const types = ([] as string[]).concat(schema.type ?? []);
  const pageType = schema.enum
    ? "enum<string>"
    : types[0] === "array"
      ? `${resolve(defined(schema.items, `the items of ${name}`)).type}[]`
      : defined(types[0], `the type of ${name}`);
  const field: Omit<PageField, "description"> = {
    name,
    types: [pageType, ...types.slice(1)],
    required: required.includes(name),
    readOnly: property.readOnly === true,
  };
  if (schema.format) field.format = schema.format;
  if (schema.maxLength !== undefined) field.maxLength = schema.maxLength;
  if (schema.default !== undefined) field.default = String(schema.default);
  if (schema.enum) field.enum = schema.enum;
  return field;
}

/**
 * Fields a schema requires beyond what the page marks required: `id`, `created` and `updated` of a response, which every response
 * Piriod shows has and the server writes on every object (openapi/README.md, "Where Piriod's pages are silent or disagree").
 */
const REQUIRED_BEYOND_THE_PAGE: Record<string, string[]> = { Customer: ["id", "created", "updated"] };

function expectFaithful(schemaName: string, fields: PageField[]) {
  // A schema that is another under a second name (`CustomerUpdate` is `CustomerWrite`) is read as that one.
  const schema = resolve(schemas[schemaName]);
  it("lists the page's fields in the page's order, and no other", () => {
    expect(Object.keys(defined(schema.properties, `the properties of ${schemaName}`))).toEqual(
      fields.map((field) => field.name),
    );
  });
  it.each(fields.map((field) => [field.name, field] as const))(
    "%s: type, format, nullability, maxLength, default, enum, required, read-only",
    (name, field) => {
      const { description, ...constraints } = field;
      const property = defined(schema.properties?.[name], `the property ${name} of ${schemaName}`);
      const beyond = REQUIRED_BEYOND_THE_PAGE[schemaName] ?? [];
      const required = (schema.required ?? []).filter((field) => !beyond.includes(field));
      expect(asPageField(name, property, required)).toEqual(constraints);
      if (description) expect(plain(resolve(property).description ?? "")).toContain(plain(description));
    },
  );
}

describe("CustomerUpdate is the page's request body", () => {
  const fields = pageFields(page, "application/json", "Response");
  it("has the page's 17 fields", () => expect(fields).toHaveLength(17));
  expectFaithful("CustomerUpdate", fields);
  it("is closed", () => expect(resolve(schemas.CustomerUpdate).additionalProperties).toBe(false));
});

describe("Customer is the page's response", () => {
  const fields = pageFields(page, "Updated customer.");
  it("has the page's 25 fields", () => expect(fields).toHaveLength(25));
  expectFaithful("Customer", fields);
  it("is open", () => expect(schemas.Customer.additionalProperties).toBeUndefined());
});

describe("fields required beyond the page", () => {
  it("are the response's id, created and updated, read-only, and in no request body", () => {
    for (const [schemaName, fields] of Object.entries(REQUIRED_BEYOND_THE_PAGE)) {
      const schema = resolve(schemas[schemaName]);
      expect(schema.required).toEqual(expect.arrayContaining(fields));
      for (const field of fields) expect(schema.properties?.[field]?.readOnly, `${schemaName}.${field}`).toBe(true);
    }
    const requestFields = Object.keys(resolve(schemas.CustomerUpdate).properties ?? {});
    for (const field of ["id", "created", "updated"]) expect(requestFields).not.toContain(field);
  });
});

describe("fields of both schemas", () => {
  it("carry the same constraints in the request and the response", () => {
    const request = defined(resolve(schemas.CustomerUpdate).properties, "the properties of CustomerUpdate");
    const response: Record<string, Schema> = schemas.Customer.properties;
    for (const [name, property] of Object.entries(request).filter(([name]) => !["country", "state"].includes(name))) {
      // `x-` extensions speak to the generator and the fake (a rule of writes), not to either schema's constraints.
      const constraints = ({ description: _description, ...rest }: Schema) =>
        Object.fromEntries(Object.entries(rest).filter(([key]) => !key.startsWith("x-")));
      expect(constraints(defined(response[name], `Customer's ${name}`)), name).toEqual(constraints(property));
    }
  });
});

import { _, Ajv2020, Name } from "ajv/dist/2020.js";
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import { describe, expect, it } from "vitest";
import { CHECK_EXPORT, FORMATS_NAME, validatorModule } from "../../scripts/lib/validator-module.ts";

// A generated validator is ajv's standalone code with the imports of src/'s runtime put in. ajv has an option for the
// formats' import (`code.formats`) and none for its own helpers, which its code `require`s: these tests pin the shape
// ajv 8.20.0 writes, and a change of it must stop generation naming ajv and its version.
const standaloneCode = standaloneCodeModule as unknown as typeof standaloneCodeModule.default;

function ajvCode(schema: object): string {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    messages: false,
    code: { source: true, esm: true, formats: _`${new Name(FORMATS_NAME)}` },
  });
  ajv.addFormat("date-time", { type: "string", validate: () => true });
  ajv.addSchema({ $id: "thing.json", ...schema });
  return standaloneCode(ajv, { [CHECK_EXPORT]: "thing.json" });
}

describe("a validator module made of ajv's standalone code", () => {
  it("imports ajv's length helper and the format checks from src/, requires nothing, and exports validate<Name>", () => {
    const code = ajvCode({
      type: "object",
      properties: { at: { type: "string", maxLength: 30, format: "date-time" } },
    });
    expect(code).toContain('require("ajv/dist/runtime/ucs2length").default');
    const module = validatorModule("Thing", code);
    expect(module).toContain('import { validationIssues, ucs2length } from "../../src/validator-runtime.js";');
    expect(module).toContain('import { fullFormats } from "../../src/validator-formats.js";');
    expect(module).not.toMatch(/\brequire\(|use strict|export const check/);
    expect(module).toMatch(/export function validateThing\(data\) \{\s*return validate\d+\(data\)/);
  });

  it("imports no format checks when the schema uses none", () => {
    expect(validatorModule("Thing", ajvCode({ type: "string" }))).not.toContain("validator-formats");
  });

  it("stops, naming ajv and its version, at a helper src/ does not provide", () => {
    const code = ajvCode({ type: "string" }).replace(
      /function validate/,
      'const func0 = require("ajv/dist/runtime/equal").default;\nfunction validate',
    );
    expect(() => validatorModule("Thing", code)).toThrow(
      /ajv 8\.20\.0's code for Thing needs require\("ajv\/dist\/runtime\/equal"\), which src\/validator-runtime\.ts does not provide/,
    );
  });

  it("stops, naming ajv and its version, when the code no longer exports the check as it did", () => {
    const code = ajvCode({ type: "string" }).replace(/export const check = (\w+);/, "export default $1;");
    expect(() => validatorModule("Thing", code)).toThrow(/ajv 8\.20\.0's standalone code for Thing exports no `check`/);
  });

  it("stops, naming the schema, at a keyword src/validator-runtime.ts has no message for", () => {
    expect(() => validatorModule("Thing", ajvCode({ type: "string", pattern: "^a" }))).toThrow(
      "components/schemas/Thing uses `pattern`, for which src/validator-runtime.ts has no message",
    );
  });
});

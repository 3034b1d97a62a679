import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import { build } from "esbuild";
import type { OpenApiDocument } from "./bundle-spec.ts";
import { GENERATED_HEADER } from "./lib/generated-header.ts";
import { PipelineError } from "./lib/pipeline-error.ts";
import { addSpecFormats } from "./lib/spec-formats.ts";
import { kebabCase, validatedSchemaNames } from "./lib/validated-schemas.ts";
import { keywordMessage } from "./templates/validator-runtime.js";

// ajv is CommonJS; under ESM its function arrives as `default`.
const standaloneCode = standaloneCodeModule as unknown as typeof standaloneCodeModule.default;

const template = (name: string) => fileURLToPath(new URL(`./templates/${name}`, import.meta.url));
const SPEC_ID = "openapi.json";
// esbuild names bundled files relative to its working directory in comments: pin it to the
// project so the output is the same wherever the script runs.
const PROJECT_DIR = fileURLToPath(new URL("..", import.meta.url));

// What ajv's standalone code `require`s, and the generated module that exports it instead.
const RUNTIME_REQUIRES: Record<string, { name: string; module: string }> = {
  'require("ajv/dist/runtime/ucs2length").default': { name: "ucs2length", module: "./runtime.js" },
  'require("ajv-formats/dist/formats").fullFormats': { name: "fullFormats", module: "./formats.js" },
};

// Keywords that only describe: they change no verdict, so the validators do not carry them.
const ANNOTATIONS = new Set([
  "title",
  "description",
  "examples",
  "example",
  "default",
  "readOnly",
  "writeOnly",
  "deprecated",
  "$comment",
]);

/**
 * Compiles a standalone ajv validator (JSON Schema 2020-12, formats, all errors) for every
 * schema an operation sends or receives. Returns the files to write under generated/, keyed by
 * their path there: `validators.js` and its `.d.ts`, one module per schema under `validators/`
 * (so a bundle loads only the validators it uses), and the runtime they share.
 */
export async function generateValidators(document: OpenApiDocument): Promise<Record<string, string>> {
  const names = validatedSchemaNames(document);
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    messages: false,
    code: { source: true, esm: true },
  });
  addSpecFormats(ajv);
  // The spec document is one schema resource, so `#/components/schemas/X` refs resolve unchanged.
  ajv.addKeyword("components");
  try {
    const schemas = Object.entries(document.components.schemas).map(([name, schema]) => [
      name,
      withoutAnnotations(schema),
    ]);
    ajv.addSchema({ $id: SPEC_ID, components: { schemas: Object.fromEntries(schemas) } });
  } catch (error) {
    throw new PipelineError(`validators: ajv refused the component schemas: ${(error as Error).message}`);
  }

  const files: Record<string, string> = {
    "validators/runtime.js": await bundleTemplate("validator-runtime.js"),
    "validators/runtime.d.ts": GENERATED_HEADER + (await readFile(template("validator-runtime.d.ts"), "utf8")),
    "validators/formats.js": await bundleTemplate("validator-formats.js"),
    "validators/formats.d.ts": GENERATED_HEADER + (await readFile(template("validator-formats.d.ts"), "utf8")),
  };
  for (const name of names) {
    const module = kebabCase(name);
    files[`validators/${module}.js`] = await validatorModule(ajv, name);
    files[`validators/${module}.d.ts`] = validatorTypes(name, "../schema.js", "./runtime.js");
  }
  files["validators.js"] =
    GENERATED_HEADER +
    names.map((name) => `export { validate${name} } from "./validators/${kebabCase(name)}.js";\n`).join("");
  files["validators.d.ts"] =
    GENERATED_HEADER +
    'export type { ValidationIssue, ValidationResult } from "./validators/runtime.js";\n' +
    names.map((name) => `export { validate${name} } from "./validators/${kebabCase(name)}.js";\n`).join("");
  return files;
}

/** Params with every field a known keyword's message reads: enough to ask whether a keyword has one. */
const ANY_PARAMS = { type: "string", limit: 0, format: "email", allowedValues: [] };

async function validatorModule(ajv: Ajv2020, name: string): Promise<string> {
  let code: string;
  try {
    ajv.getSchema(`${SPEC_ID}#/components/schemas/${name}`);
    code = standaloneCode(ajv, { check: `${SPEC_ID}#/components/schemas/${name}` });
  } catch (error) {
    throw new PipelineError(
      `validators: ajv could not compile components/schemas/${name}: ${(error as Error).message}`,
    );
  }
  const entry = code.match(/export const check = (\w+);/);
  if (!entry) throw new PipelineError(`validators: ajv's standalone code for ${name} has no entry function`);
  let body = code.replace(/^"use strict";/, "").replace(entry[0], "");
  // Compiled without ajv's messages: every keyword that can fail needs one of the runtime's own.
  const undescribed = [...new Set([...body.matchAll(/keyword:\s*"(\w+)"/g)].map(([, keyword = ""]) => keyword))].filter(
    (keyword) => keywordMessage(keyword, ANY_PARAMS) === undefined,
  );
  if (undescribed.length > 0) {
    throw new PipelineError(
      `validators: components/schemas/${name} uses ${undescribed.map((keyword) => `\`${keyword}\``).join(", ")}, for which scripts/templates/validator-runtime.js has no message: add one to keywordMessage`,
    );
  }
  const imports = new Map<string, string[]>([["./runtime.js", ["validationIssues"]]]);
  for (const [required, { name: local, module }] of Object.entries(RUNTIME_REQUIRES)) {
    if (!body.includes(required)) continue;
    body = body.split(required).join(local);
    imports.set(module, [...(imports.get(module) ?? []), local]);
  }
  const leftover = body.match(/require\([^)]*\)/);
  if (leftover) {
    throw new PipelineError(
      `validators: ajv's code for ${name} needs ${leftover[0]}, which scripts/generate-validators.ts does not bundle yet`,
    );
  }
  const importLines = [...imports]
    .map(([module, names]) => `import { ${names.join(", ")} } from "${module}";\n`)
    .join("");
  const source =
    `${importLines}${body}\n` +
    // The check is called here, not through a shared helper, so each call site stays monomorphic.
    `export function validate${name}(data) {\n` +
    `  return ${entry[1]}(data) ? { ok: true, value: data } : { ok: false, errors: validationIssues(${entry[1]}.errors) };\n}\n`;
  // esbuild pretty-prints ajv's one-line output and drops what the module does not use. Not as a
  // bundle: bundling turns top-level `const` into `var`, and V8 folds a module's constants (the
  // schema, the format expressions) into the compiled check only when they are `const`: about 15%
  // of the check's speed.
  const result = await build({
    stdin: { contents: source, loader: "js", sourcefile: `${name}.js` },
    bundle: false,
    treeShaking: true,
    format: "esm",
    write: false,
    legalComments: "none",
    logLevel: "silent",
    absWorkingDir: PROJECT_DIR,
  });
  return GENERATED_HEADER + bundled(result.outputFiles);
}

function validatorTypes(name: string, schemaModule: string, runtimeModule: string): string {
  return (
    GENERATED_HEADER +
    `import type { components } from "${schemaModule}";\n` +
    `import type { ValidationResult } from "${runtimeModule}";\n\n` +
    `/** Checks \`data\` against the \`${name}\` schema; on success \`value\` is \`data\`, typed. */\n` +
    `export declare function validate${name}(data: unknown): ValidationResult<components["schemas"]["${name}"]>;\n`
  );
}

async function bundleTemplate(name: string): Promise<string> {
  const result = await build({
    entryPoints: [template(name)],
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    legalComments: "none",
    logLevel: "silent",
    absWorkingDir: PROJECT_DIR,
  });
  return GENERATED_HEADER + bundled(result.outputFiles);
}

function withoutAnnotations(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutAnnotations(item));
  // `enum` and `const` hold data, whatever keys it has.
  if (value === null || typeof value !== "object" || key === "enum" || key === "const") return value;
  // Under `properties`, keys are field names, not keywords: a field called `title` stays.
  const isPropertyMap = key === "properties" || key === "patternProperties" || key === "$defs";
  // `x-` extensions (`x-piriod-id-of`) speak to the generator and the fake, never to a verdict.
  const entries = Object.entries(value).filter(
    ([name]) => isPropertyMap || !(ANNOTATIONS.has(name) || name.startsWith("x-")),
  );
  return Object.fromEntries(
    entries.map(([name, child]) => [name, withoutAnnotations(child, isPropertyMap ? undefined : name)]),
  );
}

/** The one file esbuild wrote. */
function bundled(files: { text: string }[] | undefined): string {
  const [file] = files ?? [];
  if (file === undefined) throw new PipelineError("validators: esbuild wrote no output");
  return file.text;
}

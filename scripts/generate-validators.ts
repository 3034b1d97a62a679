import { fileURLToPath } from "node:url";
import { _, Ajv2020, Name } from "ajv/dist/2020.js";
import standaloneCodeModule from "ajv/dist/standalone/index.js";
import { build } from "esbuild";
import ts from "typescript";
import { GENERATED_HEADER } from "./lib/generated-header.ts";
import { PipelineError } from "./lib/pipeline-error.ts";
import type { SpecDocument } from "./lib/spec-document.ts";
import { addSpecFormats } from "./lib/spec-formats.ts";
import { exported, factory, namedExport, namedImport, printModule, typeReference, withDoc } from "./lib/ts-nodes.ts";
import { kebabCase, validatedSchemaNames } from "./lib/validated-schemas.ts";
import { CHECK_EXPORT, FORMATS_NAME, validatorModule } from "./lib/validator-module.ts";

// ajv is CommonJS; under ESM its function arrives as `default`.
const standaloneCode = standaloneCodeModule as unknown as typeof standaloneCodeModule.default;

const SPEC_ID = "openapi.json";
// esbuild names bundled files relative to its working directory in comments: pin it to the
// project so the output is the same wherever the script runs.
const PROJECT_DIR = fileURLToPath(new URL("..", import.meta.url));

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
export async function generateValidators(document: SpecDocument): Promise<Record<string, string>> {
  const names = validatedSchemaNames(document);
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    messages: false,
    // The validators reach the format checks that are functions through src/validator-formats.ts.
    code: { source: true, esm: true, formats: _`${new Name(FORMATS_NAME)}` },
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

  const files: Record<string, string> = {};
  for (const name of names) {
    const module = kebabCase(name);
    files[`validators/${module}.js`] = await compiledValidator(ajv, name);
    files[`validators/${module}.d.ts`] = GENERATED_HEADER + printModule(validatorDeclaration(name));
  }
  // The package's `./validators` entry: every validator, each from its own module.
  const reExports = names.map((name) => namedExport([`validate${name}`], `./validators/${kebabCase(name)}.js`));
  files["validators.js"] = GENERATED_HEADER + printModule(reExports);
  files["validators.d.ts"] =
    GENERATED_HEADER +
    printModule([
      namedExport(["ValidationIssue", "ValidationResult"], "../src/validator-runtime.js", { typeOnly: true }),
      ...reExports,
    ]);
  return files;
}

async function compiledValidator(ajv: Ajv2020, name: string): Promise<string> {
  let code: string;
  try {
    ajv.getSchema(`${SPEC_ID}#/components/schemas/${name}`);
    code = standaloneCode(ajv, { [CHECK_EXPORT]: `${SPEC_ID}#/components/schemas/${name}` });
  } catch (error) {
    throw new PipelineError(
      `validators: ajv could not compile components/schemas/${name}: ${(error as Error).message}`,
    );
  }
  // esbuild pretty-prints the module and drops what it does not use. Not as a bundle: bundling
  // turns top-level `const` into `var`, and V8 folds a module's constants (the schema, the format
  // expressions) into the compiled check only when they are `const`: about 15% of the check's speed.
  const result = await build({
    stdin: { contents: validatorModule(name, code), loader: "js", sourcefile: `${name}.js` },
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

/** `export declare function validate<Name>(data: unknown): ValidationResult<Name>;` */
function validatorDeclaration(name: string): ts.Statement[] {
  const data = factory.createParameterDeclaration(
    undefined,
    undefined,
    "data",
    undefined,
    factory.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword),
  );
  return [
    namedImport([name], "../schema.js", { typeOnly: true }),
    namedImport(["ValidationResult"], "../../src/validator-runtime.js", { typeOnly: true }),
    withDoc(
      factory.createFunctionDeclaration(
        exported({ declare: true }),
        undefined,
        `validate${name}`,
        undefined,
        [data],
        typeReference("ValidationResult", [typeReference(name)]),
        undefined,
      ),
      `Checks \`data\` against the \`${name}\` schema; on success \`value\` is \`data\`, typed.`,
    ),
  ];
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

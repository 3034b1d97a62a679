import openapiTS, { astToString } from "openapi-typescript";
import { GENERATED_HEADER } from "./lib/generated-header.ts";
import { nameSchemaTypes, schemaReferenceHooks } from "./lib/named-schema-types.ts";
import { openStringType } from "./lib/open-string-types.ts";
import { PipelineError } from "./lib/pipeline-error.ts";
import type { SpecDocument } from "./lib/spec-document.ts";

/**
 * Compiles the bundled spec to TypeScript with openapi-typescript: `paths`, `components`,
 * `operations`, and a type of its own name per component schema (`Customer`, `Country`, …),
 * which the package root exports. `reserved`: the names its hand-written code exports, which no
 * schema may take.
 *
 * Two defaults are turned off so that a type says what the schema says: a field with a
 * `default` may be absent (defaultNonNullable: false), and an object with no declared
 * properties accepts any key instead of none (emptyObjectsUnknown). A string open to values
 * beyond those it lists offers them for completion (`openStringType`).
 */
export async function generateTypes(
  document: SpecDocument,
  reserved: ReadonlySet<string> = new Set(),
): Promise<string> {
  let statements: Awaited<ReturnType<typeof openapiTS>>;
  try {
    statements = await openapiTS(structuredClone(document), {
      defaultNonNullable: false,
      emptyObjectsUnknown: true,
      silent: true,
      ...schemaReferenceHooks,
      // A `$ref` (named by schemaReferenceHooks) is never an open string: the two see different schemas.
      transform: (schema, options) => schemaReferenceHooks.transform?.(schema, options) ?? openStringType(schema),
    });
  } catch (error) {
    throw new PipelineError(`types: openapi-typescript failed: ${(error as Error).message}`);
  }
  const named = nameSchemaTypes(statements, Object.keys(document.components.schemas), reserved);
  return GENERATED_HEADER + astToString(named);
}

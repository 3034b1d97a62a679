import openapiTS, { astToString } from "openapi-typescript";
import type { OpenAPI3 } from "openapi-typescript";
import type { OpenApiDocument } from "./bundle-spec.ts";
import { GENERATED_HEADER } from "./lib/generated-header.ts";
import { PipelineError } from "./lib/pipeline-error.ts";

/**
 * Compiles the bundled spec to TypeScript with openapi-typescript: `paths`, `components`,
 * `operations`, and a root alias per component (`Customer`, `CustomerUpdate`, …).
 *
 * Two defaults are turned off so that a type says what the schema says: a field with a
 * `default` may be absent (defaultNonNullable: false), and an object with no declared
 * properties accepts any key instead of none (emptyObjectsUnknown).
 */
export async function generateTypes(document: OpenApiDocument): Promise<string> {
  try {
    const ast = await openapiTS(structuredClone(document) as unknown as OpenAPI3, {
      defaultNonNullable: false,
      emptyObjectsUnknown: true,
      rootTypes: true,
      rootTypesNoSchemaPrefix: true,
      silent: true,
    });
    return GENERATED_HEADER + astToString(ast);
  } catch (error) {
    throw new PipelineError(`types: openapi-typescript failed: ${(error as Error).message}`);
  }
}

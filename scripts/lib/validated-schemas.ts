import type { SpecDocument } from "./spec-document.ts";
import { bundledOperations } from "./spec-operations.ts";

/**
 * The component schemas that get a validator: every schema an operation sends as its JSON
 * request body or receives as its JSON 2xx response, in the order the spec first uses them.
 * A new operation therefore brings its validators with it, with no list to keep.
 */
export function validatedSchemaNames(document: SpecDocument): string[] {
  const names = new Set<string>();
  for (const { requestSchema, success } of bundledOperations(document)) {
    if (requestSchema !== undefined) names.add(requestSchema);
    if (success.schema !== undefined) names.add(success.schema);
  }
  return [...names];
}

/** `CustomerUpdate` → `customer-update`, the file name of its validator module. */
export function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

import type { OperationObject, SchemaObject } from "openapi-typescript";
import { DELETE_WRITE_RULES, SCHEMA_WRITE_RULES, writeRuleProblem } from "../extension-values.ts";
import type { Rule } from "../redocly-api.ts";

/**
 * `piriod/write-rules`: the extensions of the rules Piriod documents for writes, which the fake of `@piriod/api/testing`
 * applies, have the shape it reads (`x-piriod-catalogue`, `x-piriod-belongs-to`, `x-piriod-required-when`, `x-piriod-max-per`
 * on a schema or a property; `x-piriod-archive` and `x-piriod-delete-refused` on a delete, and nowhere else).
 */
export const writeRules: Rule = () => ({
  Schema: {
    enter(schema: SchemaObject, context) {
      for (const extension of SCHEMA_WRITE_RULES) {
        const value: unknown = (schema as Record<string, unknown>)[extension];
        if (value === undefined) continue;
        const problem = writeRuleProblem(extension, value);
        if (problem !== undefined) context.report({ message: problem, location: context.location.child(extension) });
      }
    },
  },
  Operation: {
    enter(operation: OperationObject, context) {
      for (const extension of DELETE_WRITE_RULES) {
        const value: unknown = (operation as Record<string, unknown>)[extension];
        if (value === undefined) continue;
        const problem =
          context.key === "delete" ? writeRuleProblem(extension, value) : `${extension} is read only on a delete`;
        if (problem !== undefined) context.report({ message: problem, location: context.location.child(extension) });
      }
    },
  },
});

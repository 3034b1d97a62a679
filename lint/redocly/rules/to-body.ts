import type { OperationObject } from "openapi-typescript";
import { toBodyNameProblem } from "../extension-values.ts";
import type { Rule } from "../redocly-api.ts";
import { propertiesOf } from "../schemas.ts";
import { requestSchema, responseSchema } from "../spec-nodes.ts";

/**
 * `piriod/to-body`: `x-piriod-to-body` names a function, on an operation with a JSON request body and a JSON response, whose
 * response has every field its body requires: the package exports that function, which turns the response into the body.
 */
export const toBody: Rule = () => ({
  Operation: {
    enter(operation: OperationObject, context) {
      const name: unknown = operation["x-piriod-to-body"];
      if (name === undefined) return;
      const location = context.location.child("x-piriod-to-body");
      const report = (message: string) => context.report({ message, location });
      const problem = toBodyNameProblem(name);
      if (problem !== undefined) return report(problem);
      const located = { node: operation, location: context.location };
      const to = requestSchema(context, located);
      const from = responseSchema(context, located);
      if (to === undefined || from === undefined)
        return report(
          `x-piriod-to-body ${String(name)} needs a JSON request body and a JSON response, each a $ref to a schema`,
        );
      const answered = propertiesOf(from.node);
      for (const field of to.node.required ?? []) {
        if (answered[field] === undefined)
          report(`x-piriod-to-body ${String(name)}: ${to.name} requires ${field}, which ${from.name} does not have`);
      }
    },
  },
});

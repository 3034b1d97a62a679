import type { OperationObject, SchemaObject } from "openapi-typescript";
import { clientMethodOf, idPrefixProblem } from "../extension-values.ts";
import type { Rule } from "../redocly-api.ts";
import { propertiesOf } from "../schemas.ts";
import { CurrentPath, reporter, responseSchema, schemaNameAt } from "../spec-nodes.ts";

/**
 * `piriod/id-prefix`: `x-piriod-id-prefix` is lower-case letters (`cus` for `cus_…`), and an object that a create answers with,
 * and that has an id, declares it: the fake of `@piriod/api/testing` makes ids as Piriod does.
 */
export const idPrefix: Rule = () => {
  const seen = new Set<string>();
  const current = new CurrentPath();
  return {
    PathItem: current.visitor,
    Schema: {
      enter(schema: SchemaObject, context) {
        const prefix: unknown = schema["x-piriod-id-prefix"];
        if (prefix === undefined) return;
        const problem = idPrefixProblem(prefix, schemaNameAt(context.location) ?? "a schema");
        if (problem !== undefined) reporter(context, seen)(problem, context.location.child("x-piriod-id-prefix"));
      },
    },
    Operation: {
      enter(operation: OperationObject, context) {
        const method = clientMethodOf(operation["x-piriod-method"]);
        const isCreate = context.key === "post" && !current.path.includes("{");
        if ("problem" in method || !isCreate) return;
        const created = responseSchema(context, { node: operation, location: context.location });
        if (created === undefined || propertiesOf(created.node).id === undefined) return;
        if (created.node["x-piriod-id-prefix"] !== undefined) return;
        reporter(context, seen)(
          `${method.resource}: ${created.name} has an id and a create; declare the prefix of its ids as x-piriod-id-prefix (cus), so the fake makes them as Piriod does`,
          created.location,
        );
      },
    },
  };
};

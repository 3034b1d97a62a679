import type { ParameterObject } from "openapi-typescript";
import { queryPrefixProblem } from "../extension-values.ts";
import type { Rule } from "../redocly-api.ts";

/** `piriod/query-prefix`: `x-piriod-query-prefix` is a word, on a query parameter (the client sends each key of it with the prefix). */
export const queryPrefix: Rule = () => ({
  Parameter: {
    enter(parameter: ParameterObject, context) {
      const prefix: unknown = parameter["x-piriod-query-prefix"];
      if (prefix === undefined) return;
      const location = context.location.child("x-piriod-query-prefix");
      const problem =
        parameter.in === "query"
          ? queryPrefixProblem(prefix, parameter.name)
          : `x-piriod-query-prefix of ${parameter.name} is read only on a query parameter, not in ${parameter.in}`;
      if (problem !== undefined) context.report({ message: problem, location });
    },
  },
});

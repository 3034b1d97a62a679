import type { OperationObject } from "openapi-typescript";
import { clientMethodOf, pathParameterProblem } from "../extension-values.ts";
import type { Rule } from "../redocly-api.ts";
import { CurrentPath } from "../spec-nodes.ts";

/**
 * `piriod/client-method`: every operation names the client method it becomes in `x-piriod-method` (`customers.update`), no two
 * name the same one, and each of its path's parameters can be an argument. A webhook's operation is Piriod's request, not the
 * client's: it has no method.
 */
export const clientMethod: Rule = () => {
  const declaredBy = new Map<string, string>();
  const current = new CurrentPath();
  // Redocly walks `paths` and `webhooks` one after the other, each to its end: the last entered says where an operation is.
  let inWebhooks = false;
  return {
    Paths: {
      enter() {
        inWebhooks = false;
      },
    },
    WebhooksMap: {
      enter() {
        inWebhooks = true;
      },
    },
    PathItem: current.visitor,
    Operation: {
      enter(operation: OperationObject, context) {
        if (inWebhooks) return;
        const { path } = current;
        const where = `${String(context.key).toUpperCase()} ${path}`;
        const declared: unknown = operation["x-piriod-method"];
        const at = declared === undefined ? context.location : context.location.child("x-piriod-method");
        const method = clientMethodOf(declared);
        if ("problem" in method) context.report({ message: `${where}: ${method.problem}`, location: at });
        else {
          const key = `${method.resource}.${method.name}`;
          const other = declaredBy.get(key);
          if (other !== undefined)
            context.report({ message: `${where} and ${other} both declare x-piriod-method ${key}`, location: at });
          else declaredBy.set(key, where);
        }
        for (const [, name = ""] of path.matchAll(/\{([^}]+)\}/g)) {
          const problem = pathParameterProblem(name);
          if (problem !== undefined) context.report({ message: `${where}: ${problem}`, location: context.location });
        }
      },
    },
  };
};

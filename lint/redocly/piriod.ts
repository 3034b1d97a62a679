/**
 * The Redocly plugin of the `x-piriod-*` extensions (redocly.yaml loads it; `npm run lint` runs it through tsx): each rule
 * reports a value that breaks it at the spec file and line where it is written, before anything is generated from it.
 */
import type { Plugin } from "./redocly-api.ts";
import { clientMethod } from "./rules/client-method.ts";
import { idOf } from "./rules/id-of.ts";
import { idPrefix } from "./rules/id-prefix.ts";
import { queryPrefix } from "./rules/query-prefix.ts";
import { toBody } from "./rules/to-body.ts";
import { writeRules } from "./rules/write-rules.ts";

export default function piriodPlugin(): Plugin {
  return {
    id: "piriod",
    rules: {
      oas3: {
        "client-method": clientMethod,
        "query-prefix": queryPrefix,
        "id-prefix": idPrefix,
        "id-of": idOf,
        "to-body": toBody,
        "write-rules": writeRules,
      },
    },
  };
}

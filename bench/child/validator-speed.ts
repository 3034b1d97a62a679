/**
 * Payloads per second of one validator on one payload, in a process of its own: the generated
 * validators are ajv's own code, so contenders sharing a process would share what the JIT learnt
 * and slow or speed each other up. Prints the rate as JSON, after checking the verdict.
 */
import { compileAtRunTime } from "../lib/runtime-ajv.ts";
import { opsPerSecond } from "../lib/stats.ts";
import { childInput } from "./input.ts";

export type Contender = "generated" | "ajv at run time";

interface Input {
  schema: string;
  payload: unknown;
  valid: boolean;
  contender: Contender;
  ms: number;
}

const { schema, payload, valid, contender, ms } = childInput<Input>();

// As a consumer imports them: the names in variables, so that they resolve where the benchmark runs.
const PACKAGE = { validators: "@piriod/api/validators", spec: "@piriod/api/openapi.json" };

async function validator(): Promise<(data: unknown) => boolean> {
  if (contender === "ajv at run time") {
    const spec = (await import(PACKAGE.spec, { with: { type: "json" } })).default as object;
    return compileAtRunTime(spec, schema) as (data: unknown) => boolean;
  }
  const validate = (await import(PACKAGE.validators))[`validate${schema}`] as (data: unknown) => { ok: boolean };
  return (data) => validate(data).ok;
}

const validate = await validator();
if (validate(payload) !== valid)
  throw new Error(`${contender}: the ${schema} payload is not ${valid ? "valid" : "invalid"}`);
opsPerSecond(() => validate(payload), ms); // warm-up
console.log(JSON.stringify(opsPerSecond(() => validate(payload), ms)));

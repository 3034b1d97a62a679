/**
 * Payloads per second of one validator on one payload, in a process of its own: the generated
 * validators are ajv's own code, so contenders sharing a process would share what the JIT learnt
 * and slow or speed each other up. Prints the rate as JSON.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { compileAtRunTime } from "../lib/runtime-ajv.ts";
import { opsPerSecond } from "../lib/stats.ts";

export type Contender = "generated" | "ajv, same result" | "ajv, raw";

interface Input {
  packageDir: string;
  schema: string;
  payload: unknown;
  contender: Contender;
  ms: number;
}

const { packageDir, schema, payload, contender, ms } = JSON.parse(process.argv[2]!) as Input;
const generatedDir = path.join(packageDir, "dist", "generated");
const load = (file: string) => import(pathToFileURL(path.join(generatedDir, file)).href);

async function validator(): Promise<(data: unknown) => unknown> {
  if (contender === "generated") return (await load("validators.js"))[`validate${schema}`];
  const raw = compileAtRunTime(JSON.parse(readFileSync(path.join(generatedDir, "openapi.json"), "utf8")), schema);
  if (contender === "ajv, raw") return raw;
  // The generated validators' own result, built from ajv's errors by the same function they use.
  const { validationIssues } = await load("validators/runtime.js");
  return (data) => (raw(data) ? { ok: true, value: data } : { ok: false, errors: validationIssues(raw.errors!) });
}

const validate = await validator();
opsPerSecond(() => validate(payload), ms); // warm-up
console.log(JSON.stringify(opsPerSecond(() => validate(payload), ms)));

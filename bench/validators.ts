import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { validateCustomer, validateCustomerUpdate } from "../generated/validators.js";
import { figure, ratio, type Section } from "./lib/report.ts";
import { customer, customerUpdate, invalidCustomer, invalidCustomerUpdate, spec } from "./lib/spec-fixtures.ts";
import { alternatingRounds, opsPerSecond } from "./lib/stats.ts";

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** ajv compiling the same schemas at run time, with the options the generator uses. */
function runtimeAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(spec, "openapi.json");
  return {
    CustomerUpdate: ajv.compile({ $ref: "openapi.json#/components/schemas/CustomerUpdate" }),
    Customer: ajv.compile({ $ref: "openapi.json#/components/schemas/Customer" }),
  };
}

export async function benchValidators({ quick }: { quick: boolean }): Promise<Section> {
  const ajv = runtimeAjv();
  const window = quick ? 100 : 300;
  const rounds = quick ? 3 : 7;
  const cases = [
    { schema: "CustomerUpdate", verdict: "valid", payload: customerUpdate, ours: validateCustomerUpdate, theirs: ajv.CustomerUpdate },
    { schema: "CustomerUpdate", verdict: "invalid", payload: invalidCustomerUpdate, ours: validateCustomerUpdate, theirs: ajv.CustomerUpdate },
    { schema: "Customer", verdict: "valid", payload: customer, ours: validateCustomer, theirs: ajv.Customer },
    { schema: "Customer", verdict: "invalid", payload: invalidCustomer, ours: validateCustomer, theirs: ajv.Customer },
  ] as const;
  const rows: string[][] = [];
  for (const entry of cases) {
    if (entry.ours(entry.payload).ok !== (entry.verdict === "valid") || entry.theirs(entry.payload) !== (entry.verdict === "valid")) {
      throw new Error(`bench payload for ${entry.schema} is not ${entry.verdict}`);
    }
    const result = await alternatingRounds(
      {
        generated: () => opsPerSecond(() => entry.ours(entry.payload), window),
        runtime: () => opsPerSecond(() => entry.theirs(entry.payload), window),
      },
      rounds,
    );
    rows.push([`\`validate${entry.schema}\``, entry.verdict, figure(result.generated), figure(result.runtime), ratio(result.generated.median, result.runtime.median)]);
  }
  return {
    title: "Validators",
    intro:
      "Payloads per second: the generated standalone validators (with their `{ ok, errors }` result and JSON Pointer paths) beside ajv compiling the same schemas at run time (raw boolean, errors left on the function). Target: at least as fast as ajv's own.",
    headers: ["validator", "payload", "generated (ops/s)", "ajv at run time (ops/s)", "generated ÷ ajv"],
    rows,
  };
}

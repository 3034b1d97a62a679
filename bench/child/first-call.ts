/**
 * In a fresh process: how long importing the package, making a client and its first
 * `customers.update` against the benchmark server each take. Prints them as JSON, in ms.
 */
import type { ClientCall } from "../lib/spec-fixtures.ts";
import { importPackage } from "./entries.ts";

const { baseUrl, call } = JSON.parse(process.argv[2]!) as { baseUrl: string; call: ClientCall };
const started = performance.now();
const { createPiriodClient } = await importPackage();
const imported = performance.now();
const client = createPiriodClient({ apiKey: "sk_test_bench", workspace: "acc_01H8XYZ123ABC", baseUrl });
const created = performance.now();
await client[call.resource]![call.method]!(call.id, call.body);
const firstCall = performance.now();
await client[call.resource]![call.method]!(call.id, call.body);
const secondCall = performance.now();
console.log(
  JSON.stringify({
    "process start → package imported": imported,
    import: imported - started,
    "createPiriodClient": created - imported,
    "first call": firstCall - created,
    "second call": secondCall - firstCall,
    "import → first call done": firstCall - started,
  }),
);

/**
 * In a fresh process: how long importing the package, making a client and its first call against
 * the benchmark server each take, in ms, and which of Node's HTTP modules each step loaded.
 * Prints both as JSON.
 */
import type { ClientCall } from "../lib/spec-fixtures.ts";
import { childInput } from "./input.ts";
import { API_KEY, clientMethod, importPackage, WORKSPACE } from "./senders.ts";

const { baseUrl, call } = childInput<{ baseUrl: string; call: ClientCall }>();
/** Node's HTTP stacks: what importing should leave for the first call to load. */
const http = () =>
  (process as unknown as { moduleLoadList: string[] }).moduleLoadList
    .filter((name) => /^NativeModule (http|https|internal\/deps\/undici\/undici)$/.test(name))
    .map((name) => name.replace("NativeModule ", "node:"));

const started = performance.now();
const { createPiriodClient } = await importPackage();
const imported = performance.now();
const loadedAtImport = http();
const client = createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl });
const created = performance.now();
const invoke = clientMethod(client, call.resource, call.method);
await invoke(call.id, call.body);
const firstCall = performance.now();
const loadedByFirstCall = http().filter((name) => !loadedAtImport.includes(name));
await invoke(call.id, call.body);
const secondCall = performance.now();
console.log(
  JSON.stringify({
    phases: {
      "process start → package imported": imported,
      import: imported - started,
      createPiriodClient: created - imported,
      "first call": firstCall - created,
      "second call": secondCall - firstCall,
      "import → first call done": firstCall - started,
    },
    loadedAtImport,
    loadedByFirstCall,
  }),
);

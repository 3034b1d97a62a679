/**
 * What importing the package loads, and what its first call adds: every module Node loads
 * (reported by bench/child/load-hooks.ts) and the built-in modules it loads. Prints both as JSON.
 */
import { register } from "node:module";
import { pathToFileURL } from "node:url";
import { MessageChannel } from "node:worker_threads";
import type { ClientCall } from "../lib/spec-fixtures.ts";
import { importPackage } from "./entries.ts";

const { baseUrl, call, hooks } = JSON.parse(process.argv[2]!) as { baseUrl: string; call: ClientCall; hooks: string };
const loaded: string[] = [];
const { port1, port2 } = new MessageChannel();
port1.on("message", (url: string) => loaded.push(url));
port1.unref();
register(pathToFileURL(hooks), { data: { port: port2 }, transferList: [port2] });

const builtins = () => (process as unknown as { moduleLoadList: string[] }).moduleLoadList.filter((name) => name.startsWith("NativeModule "));
/** The hooks report from another thread: give their messages time to arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

async function snapshot() {
  await settle();
  return { modules: [...loaded], builtins: builtins() };
}

const before = await snapshot();
const { createPiriodClient } = await importPackage();
const atImport = await snapshot();
const client = createPiriodClient({ apiKey: "sk_test_bench", workspace: "acc_01H8XYZ123ABC", baseUrl });
await client[call.resource]![call.method]!(call.id, call.body);
const afterCall = await snapshot();
console.log(JSON.stringify({ before, atImport, afterCall }));

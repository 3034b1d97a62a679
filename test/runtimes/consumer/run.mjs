// The scenario in a runtime that resolves packages itself (Node, Deno, Bun): over HTTP on the fake
// whose URL is the first argument, then in-process on @piriod/api/testing's fetch; then webhooks, and a client from the environment.
import * as api from "@piriod/api";
import * as testing from "@piriod/api/testing";
import { API_KEY, identity, prepare, received, scenario, webhooks } from "./scenario.mjs";

const [url] = globalThis.Deno?.args ?? process.argv.slice(2);
const overHttp = await scenario(api, { baseUrl: url });
const fake = testing.createPiriodFake({ apiKey: API_KEY });
prepare(fake);
const inProcess = await scenario(api, { fetch: fake.fetch });
console.log(
  JSON.stringify({
    entry: import.meta.resolve("@piriod/api"),
    overHttp,
    inProcess: { ...inProcess, received: received(fake) },
    webhooks: await webhooks(api, testing),
    identity: await identity(api),
  }),
);

import { afterAll, beforeAll, expect, it } from "vitest";
import { customer } from "../helpers/client-fixtures.ts";
import { runFixture } from "../helpers/client-scripts.ts";
import { type FaultServer, json, startFaultServer } from "../helpers/http-fault-server.ts";

// Importing the package must stay cheap: the Node transport, node:http and the fetch globals'
// undici (about 15 ms to load in Node 20) wait for the first request.
let server: FaultServer;
beforeAll(async () => (server = await startFaultServer()));
afterAll(() => server.close());

it("loads neither node:http nor undici on import, only with the first call", async () => {
  server.answer(json(200, customer));
  const { code, lines } = await runFixture("import-then-call.ts", [server.url]);
  expect(code).toBe(0);
  const [afterImport, afterCall] = lines.map((line) => JSON.parse(line) as string[]);
  expect(afterImport).toEqual([]);
  expect(afterCall).toEqual(expect.arrayContaining(["NativeModule http", "NativeModule internal/deps/undici/undici"]));
});

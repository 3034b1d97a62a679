import { afterAll, beforeAll, expect, it } from "vitest";
import { customer } from "../helpers/client-fixtures.ts";
import { runFixture } from "../helpers/client-scripts.ts";
import { defined } from "../helpers/defined.ts";
import { type FaultServer, json, startFaultServer } from "../helpers/http-fault-server.ts";

// A script that makes a call and returns must end by itself: neither the keep-alive socket left
// idle after the call (the server keeps it open for 60 s) nor a timer may hold the process open.
let server: FaultServer;
beforeAll(async () => (server = await startFaultServer()));
afterAll(() => server.close());

it("lets a Node process exit after its last call, with the connection still open on the server's side", async () => {
  server.answer(json(200, customer));
  const { code, signal, lines } = await runFixture("one-call.ts", [server.url]);
  const [id, resources] = lines;
  expect({ code, signal, id }).toEqual({ code: 0, signal: null, id: customer.id });
  // Only the pipe of the script's own output: no socket, no timer left holding the loop.
  const active: string[] = JSON.parse(defined(resources, "the resources the script printed"));
  expect(active.filter((resource) => resource !== "PipeWrap")).toEqual([]);
  expect(server.received.map((request) => request.headers.connection)).toEqual(["keep-alive"]);
});

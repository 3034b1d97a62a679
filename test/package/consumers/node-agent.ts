// A Node project with Node's types hands the client the agents Node makes.
import { Agent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { createPiriodClient } from "@piriod/api/node";

export const viaProxy = createPiriodClient({
  apiKey: "sk_test_123",
  workspace: "acc_01H8XYZ123ABC",
  agent: new HttpsAgent({ keepAlive: true }),
});
export const viaMock = createPiriodClient({
  apiKey: "sk_test_123",
  workspace: "acc_01H8XYZ123ABC",
  baseUrl: "http://127.0.0.1:4010",
  agent: new Agent(),
});

import { createPiriodClient } from "@piriod/api/node";

const agentOptions = { keepAlive: true, timeout: 4_000 };
export const piriod = createPiriodClient({
  apiKey: "sk_test_123",
  workspace: "acc_01H8XYZ123ABC",
  agent: agentOptions,
});

import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { Logger } from "../../src/index.ts";
import type { McpConfig } from "../../src/mcp/config.ts";
import { loadSdk } from "../../src/mcp/sdk.ts";
import { createPiriodMcpServer } from "../../src/mcp/server.ts";

export interface McpSession {
  client: Client;
  close(): Promise<void>;
}

/** The official SDK's client, connected in memory to a piriod-mcp server made with `config` in this process. */
export async function mcpSession(config: McpConfig, logger?: Logger): Promise<McpSession> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const server = createPiriodMcpServer(await loadSdk(), config, logger);
  await server.connect(serverSide);
  const client = new Client({ name: "piriod-mcp-test", version: "1.0.0" });
  await client.connect(clientSide);
  return {
    client,
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import type { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";

/** What the server takes of the official MCP SDK, which the package does not depend on: it is installed beside it by those who run it. */
export interface McpSdk {
  Server: typeof Server;
  StdioServerTransport: typeof StdioServerTransport;
  ListToolsRequestSchema: typeof ListToolsRequestSchema;
  CallToolRequestSchema: typeof CallToolRequestSchema;
}

/** How to run the server with the SDK beside the package, as the docs give it. */
export const RUN_WITH_SDK = "npx -y -p @piriod/api -p @modelcontextprotocol/sdk@1 piriod-mcp";

/** The SDK, imported when the server starts; its absence is told with the command that brings it. */
export async function loadSdk(): Promise<McpSdk> {
  try {
    const [server, stdio, types] = await Promise.all([
      import("@modelcontextprotocol/sdk/server/index.js"),
      import("@modelcontextprotocol/sdk/server/stdio.js"),
      import("@modelcontextprotocol/sdk/types.js"),
    ]);
    return {
      Server: server.Server,
      StdioServerTransport: stdio.StdioServerTransport,
      ListToolsRequestSchema: types.ListToolsRequestSchema,
      CallToolRequestSchema: types.CallToolRequestSchema,
    };
  } catch (error) {
    const missing =
      (error as { code?: unknown }).code === "ERR_MODULE_NOT_FOUND" &&
      String((error as Error).message).includes("@modelcontextprotocol/sdk");
    if (!missing) throw error;
    throw new Error(
      `piriod-mcp needs @modelcontextprotocol/sdk 1.x installed beside @piriod/api, which does not depend on it. Run it as:\n  ${RUN_WITH_SDK}`,
      { cause: error },
    );
  }
}

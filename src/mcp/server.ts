import { createRequire } from "node:module";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { createPiriodClient, type Logger, type PiriodClient, PiriodError } from "../node.js";
import { clientArguments } from "./arguments.js";
import type { McpConfig } from "./config.js";
import { errorResult, successResult, type ToolResult, withoutSecret } from "./results.js";
import type { McpSdk } from "./sdk.js";
import { allowedTools, MAX_PAGE_SIZE, type PiriodTool, piriodTools } from "./tools.js";

/** The largest response a tool reads (decoded); a larger one is a tool error. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** The flag that offers the tools of each access beyond reading. */
const FLAG_OF = { write: "--allow-writes", delete: "--allow-deletes" } as const;

/**
 * The MCP server: a tool for each operation of the spec that `config` allows, each calling the package's own client (request
 * validation, retries, typed errors), in test mode unless `config.live`. Not yet connected to a transport.
 */
export function createPiriodMcpServer(sdk: McpSdk, config: McpConfig, logger?: Logger): Server {
  const client = createPiriodClient({
    apiKey: config.apiKey,
    workspace: config.workspace,
    baseUrl: config.baseUrl,
    testMode: !config.live,
    // What a tool answers goes into an agent's context whole: a page of 25 customers is some 75 kB, and no answer needs 16 MiB.
    maxResponseBytes: MAX_RESPONSE_BYTES,
    logger,
  });
  const every = piriodTools();
  const tools = allowedTools(every, { writes: config.writes, deletes: config.deletes });
  const server = new sdk.Server(
    { name: "piriod-mcp", version: packageVersion() },
    { capabilities: { tools: {} }, instructions: instructions(config, tools) },
  );
  server.setRequestHandler(sdk.ListToolsRequestSchema, () => ({
    tools: tools.map(({ name, description, inputSchema, annotations }) => ({
      name,
      title: annotations.title,
      description,
      inputSchema,
      annotations,
    })),
  }));
  server.setRequestHandler(sdk.CallToolRequestSchema, async ({ params }) => {
    const tool = tools.find((candidate) => candidate.name === params.name);
    const result = tool
      ? await callTool(client, tool, params.arguments, logger)
      : unknownTool(
          params.name,
          every.find((candidate) => candidate.name === params.name),
        );
    return withoutSecret(result, config.apiKey);
  });
  return server;
}

/** One call of a tool's client method; whatever fails comes back as a tool error. */
async function callTool(client: PiriodClient, tool: PiriodTool, input: unknown, logger?: Logger): Promise<ToolResult> {
  let args: unknown[];
  try {
    args = clientArguments(tool, input);
  } catch (error) {
    return errorResult(tool, error, true);
  }
  const resource = (client as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>)[
    tool.resource
  ];
  try {
    const data = await resource?.[tool.method]?.(...args);
    return successResult(tool, data, tool.operation.query ? (args.at(-1) as Record<string, unknown>) : undefined);
  } catch (error) {
    if (!(error instanceof PiriodError))
      logger?.error(`${tool.name} failed: ${(error as Error)?.stack ?? error}`, {
        operation: `${tool.resource}.${tool.method}`,
        method: tool.operation.method,
        path: tool.operation.path,
      });
    return errorResult(tool, error);
  }
}

function unknownTool(name: string, withheld: PiriodTool | undefined): ToolResult {
  const message = withheld
    ? `${name} is not offered: it ${withheld.access}s, which piriod-mcp allows only when started with ${FLAG_OF[withheld.access as keyof typeof FLAG_OF]}`
    : `there is no tool ${name}`;
  return {
    content: [{ type: "text", text: JSON.stringify({ error: "UnknownTool", message }) }],
    structuredContent: { error: "UnknownTool", message },
    isError: true,
  };
}

/** What the server tells an agent when it connects: where it acts, in which mode, and what it may do. */
function instructions(config: McpConfig, tools: readonly PiriodTool[]): string {
  const mode = config.live
    ? "in live mode: real customers and their real billing"
    : "in test mode: every call sends x-piriod-test-mode: true, so it sees and makes test-mode objects only, never live ones";
  const can = (access: PiriodTool["access"]) => tools.some((tool) => tool.access === access);
  const may = [
    "read (list, retrieve)",
    ...(can("write") ? ["create and update"] : []),
    ...(can("delete") ? ["delete"] : []),
  ].join(", ");
  return [
    `Piriod's API for workspace ${config.workspace}, ${mode}.`,
    `These tools may ${may}; the others are not offered${config.writes && config.deletes ? "" : " unless the server is started with their flag"}.`,
    `A list answers one page of at most ${MAX_PAGE_SIZE} items with the count of every match: ask for the next page while has_next_page is true.`,
    "A refused call answers with field_errors: a JSON Pointer into the tool's arguments (/body/email) and the rule it breaks.",
  ].join("\n");
}

/** The package's version, for the server's name in the MCP handshake. */
function packageVersion(): string {
  return (createRequire(import.meta.url)("@piriod/api/package.json") as { version: string }).version;
}

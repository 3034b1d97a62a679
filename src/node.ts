/** `@piriod/api` for Node (the `node` export condition): the same client over a keep-alive `node:http`/`node:https` transport. */
import { operations } from "../generated/operations.js";
import { createClient } from "./client.js";
import { PiriodError } from "./errors.js";
import type { PiriodClient } from "./index.js";
import { type NodeAgent, nodeTransport } from "./node-transport.js";
import type { PiriodClientOptions } from "./options.js";

// Everything the other entry exports; its `createPiriodClient` gives way to this file's.
export * from "./index.js";
export type { NodeAgent } from "./node-transport.js";

export interface NodeClientOptions extends PiriodClientOptions {
  /**
   * The `http.Agent` (or `https.Agent`) to send through, for a corporate proxy or a custom CA; its protocol must match `baseUrl`'s.
   * Default: a shared keep-alive agent whose idle sockets do not keep the process alive.
   */
  agent?: NodeAgent;
}

/** A client for Piriod's API, sending through a keep-alive Node transport (or `options.fetch`). */
export function createPiriodClient(options: NodeClientOptions): PiriodClient {
  const agent = (options as Partial<NodeClientOptions> | null)?.agent;
  const fail = (message: string) => new PiriodError(`createPiriodClient: ${message}`);
  if (agent !== undefined && options.fetch !== undefined)
    throw fail("pass agent or fetch, not both: the agent only applies to the built-in transport");
  return createClient<PiriodClient>(
    operations,
    options,
    ({ baseUrl }) => {
      const protocol = new URL(baseUrl).protocol;
      if (agent !== undefined) {
        if (
          typeof agent !== "object" ||
          agent === null ||
          typeof (agent as { addRequest?: unknown }).addRequest !== "function"
        ) {
          throw fail("agent must be an http.Agent or https.Agent");
        }
        const own = (agent as { protocol?: unknown }).protocol;
        if (typeof own === "string" && own !== protocol)
          throw fail(
            `agent is for ${own} but baseUrl uses ${protocol}: use an ${protocol === "https:" ? "https" : "http"}.Agent`,
          );
      }
      return nodeTransport(protocol, agent);
    },
    ["agent"],
  );
}

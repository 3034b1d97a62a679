/** `@piriod/api` for Node (the `node` export condition): the same client over a keep-alive `node:http`/`node:https` transport. */
import { operations } from "../generated/operations.js";
import { createClient } from "./client.js";
import { type EnvironmentClientOptions, withEnvironment } from "./environment.js";
import { PiriodError } from "./errors.js";
import type { PiriodClient } from "./index.js";
import { type NodeAgent, nodeTransport } from "./node-transport.js";
import { unreadableOptions } from "./options.js";
import { userAgent } from "./user-agent.js";

export type { EnvironmentClientOptions } from "./environment.js";
// Everything the other entry exports; its `createPiriodClient` gives way to this file's.
export * from "./index.js";
export type { NodeAgent } from "./node-transport.js";

/** The options of the Node entry: any left out of `apiKey`, `workspace` and `baseUrl` are read from the environment. */
export interface NodeClientOptions extends EnvironmentClientOptions {
  /**
   * The `http.Agent` (or `https.Agent`) to send through, for a corporate proxy or a custom CA; its protocol must match `baseUrl`'s.
   * Default: a shared keep-alive agent whose idle sockets do not keep the process alive.
   */
  agent?: NodeAgent;
}

/**
 * A client for Piriod's API, sending through a keep-alive Node transport (or `options.fetch`). An option left out is read from the
 * environment: `apiKey` from `PIRIOD_API_KEY`, `workspace` from `PIRIOD_WORKSPACE`, `baseUrl` from `PIRIOD_BASE_URL`.
 */
export function createPiriodClient(given?: NodeClientOptions): PiriodClient {
  const options = withEnvironment(given);
  const fail = (message: string) => new PiriodError(`createPiriodClient: ${message}`);
  let agent: NodeAgent | undefined;
  let fetch: unknown;
  try {
    agent = (options as Partial<NodeClientOptions> | null)?.agent;
    fetch = (options as Partial<NodeClientOptions> | null)?.fetch;
  } catch (error) {
    throw unreadableOptions("createPiriodClient", error);
  }
  if (agent !== undefined && fetch !== undefined)
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
    undefined,
    userAgent(),
  );
}

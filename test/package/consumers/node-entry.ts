// A project without Node's types (`@types/node`) that reaches the Node entry, as a bundler
// project does through `@piriod/api/node`: its declarations must not need Node's types.
import { createPiriodClient, type NodeAgent, type NodeClientOptions } from "@piriod/api/node";

export function clientThrough(agent: NodeAgent, options: Omit<NodeClientOptions, "agent">) {
  return createPiriodClient({ ...options, agent });
}

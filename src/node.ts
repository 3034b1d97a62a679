/**
 * `@piriod/api` for Node (the `node` export condition): the same client over a keep-alive
 * `node:http`/`node:https` transport, several times faster than the global `fetch`. The
 * transport module loads on the first request, so importing the package stays cheap.
 */
import type { Agent } from "node:http";
import { createClient, type PiriodClient } from "./client.js";
import { nodeRuntime } from "./node-runtime.js";
import type { PiriodClientOptions } from "./options.js";

export * from "./public-api.js";

export interface NodeClientOptions extends PiriodClientOptions {
  /**
   * The `http.Agent` (or `https.Agent`) to send through, for a corporate proxy or a custom CA.
   * Its protocol must match `baseUrl`'s. Default: a shared keep-alive agent whose idle sockets
   * do not keep the process alive.
   */
  agent?: Agent;
}

/** A client for Piriod's API, sending through a keep-alive Node transport (or `options.fetch`). */
export function createPiriodClient(options: NodeClientOptions): PiriodClient {
  return createClient(options, nodeRuntime);
}

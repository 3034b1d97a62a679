/**
 * `@piriod/api` for Deno, Bun and any runtime without an entry of its own: requests go through
 * the global `fetch`. Nothing here imports a Node module; Node gets `./node.ts` through the `node`
 * export condition, and browsers and workers get `./browser.ts`.
 */
import { createClient, type PiriodClient } from "./client.js";
import { fetchRuntime } from "./fetch-runtime.js";
import type { PiriodClientOptions } from "./options.js";

export * from "./public-api.js";

/** A client for Piriod's API. In a browser it refuses to start unless `dangerouslyAllowBrowser` is set. */
export function createPiriodClient(options: PiriodClientOptions): PiriodClient {
  return createClient(options, fetchRuntime);
}

/**
 * `@piriod/api` for browsers and their workers (the `browser`, `worker` and `workerd` export
 * conditions): the fetch entry without what stands in for a JavaScript `Request` and `Response`,
 * since a browser's are native. Requests go through the global `fetch`.
 */
import { browserRuntime } from "./browser-runtime.js";
import { createClient, type PiriodClient } from "./client.js";
import type { PiriodClientOptions } from "./options.js";

export * from "./public-api.js";

/** A client for Piriod's API. In a browser it refuses to start unless `dangerouslyAllowBrowser` is set. */
export function createPiriodClient(options: PiriodClientOptions): PiriodClient {
  return createClient(options, browserRuntime);
}

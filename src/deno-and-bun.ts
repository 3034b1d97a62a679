/**
 * `@piriod/api` for Deno and Bun (their export conditions): the fetch entry, whose `createPiriodClient` also takes the key, the workspace
 * and the base URL from the environment. Browsers and workers keep `./index.ts`, which never reads it.
 */
import { operations } from "../generated/operations.js";
import { createClient } from "./client.js";
import { type EnvironmentClientOptions, withEnvironment } from "./environment.js";
import { fetchTransport } from "./fetch-transport.js";
import type { PiriodClient } from "./index.js";
import { userAgent } from "./user-agent.js";

export type { EnvironmentClientOptions } from "./environment.js";
// Everything the other entry exports; its `createPiriodClient` gives way to this file's.
export * from "./index.js";

/**
 * A client for Piriod's API. An option left out is read from the environment: `apiKey` from `PIRIOD_API_KEY`, `workspace` from
 * `PIRIOD_WORKSPACE`, `baseUrl` from `PIRIOD_BASE_URL` (under Deno, only with `--allow-env`).
 */
export function createPiriodClient(options?: EnvironmentClientOptions): PiriodClient {
  return createClient<PiriodClient>(
    operations,
    withEnvironment(options),
    () => fetchTransport(),
    [],
    undefined,
    userAgent(),
  );
}

import type { Client } from "openapi-fetch";
import { operations } from "../generated/operations.js";
import type { Resources } from "../generated/resources.js";
import { type ClientContext, call } from "./call.js";
import { PiriodError } from "./errors.js";
import { fetchTransport } from "./fetch-transport.js";
import { createLog } from "./log.js";
import {
  type ClientOverrides,
  overriddenOptions,
  type PiriodClientOptions,
  type ResolvedOptions,
  resolveOptions,
  unreadableOptions,
} from "./options.js";
import { PagePromise } from "./pages.js";
import { PiriodPromise } from "./promises.js";
import { type ClientPaths, rawClient } from "./raw.js";
import { createRedactor } from "./redaction.js";
import { abortableSleep, type Sleep } from "./send.js";
import type { Transport } from "./transport.js";

/** A client for Piriod's API: a property per resource of the spec (`customers`), a method per operation. */
export interface PiriodClient extends Resources {
  /** openapi-fetch over the same transport, for `{ data, error, response }` calls: same authentication, headers and retries, no request validation. */
  raw: Client<ClientPaths>;
  /**
   * A client with some options changed (another workspace, test mode, limits, headers) that shares this one's key, transport and
   * connections: one token, several workspaces.
   */
  withOptions(overrides: ClientOverrides): PiriodClient;
}

/** What a client and the clients `withOptions` makes of it share. */
interface Shared {
  transport: Transport;
  sleep: Sleep;
  extraOptions: readonly string[];
  userAgent: string | undefined;
}

/**
 * The client of every entry point: a method per operation of the generated table, sending through the entry point's `defaultTransport`
 * or the caller's `fetch`. `extraOptions` are the options only that entry point takes (Node's `agent`); tests shorten `sleep`. The
 * entries for Node, Deno and Bun give their `userAgent`; the browser and worker entry gives none, and carries no code to make one.
 */
export function createClient(
  options: PiriodClientOptions,
  defaultTransport: (options: ResolvedOptions) => Transport,
  extraOptions: readonly string[] = [],
  sleep: Sleep = abortableSleep,
  userAgent?: string,
): PiriodClient {
  const resolved = checked(options, extraOptions, "createPiriodClient");
  if (isBrowser() && !resolved.dangerouslyAllowBrowser) {
    throw new PiriodError(
      "createPiriodClient: refusing to run in a browser, where every visitor could read the API key. " +
        "Call Piriod from your server; to accept the risk (an internal tool, a key scoped for it), set dangerouslyAllowBrowser: true.",
    );
  }
  return clientOf(options, resolved, {
    transport: resolved.fetch ? fetchTransport(resolved.fetch) : defaultTransport(resolved),
    sleep,
    extraOptions,
    userAgent,
  });
}

function checked(options: PiriodClientOptions, extraOptions: readonly string[], where: string): ResolvedOptions {
  try {
    return resolveOptions(options, extraOptions, where);
  } catch (error) {
    throw unreadableOptions(where, error);
  }
}

function clientOf(options: PiriodClientOptions, resolved: ResolvedOptions, shared: Shared): PiriodClient {
  const { logger, logLevel } = resolved;
  const redact = createRedactor(resolved.apiKey);
  const agent = isBrowser() ? undefined : shared.userAgent;
  const context: ClientContext = {
    options: resolved,
    transport: shared.transport,
    sleep: shared.sleep,
    redact,
    headers: {
      // Not from a browser, where a header of the client's own would need a CORS preflight; the caller's own replaces it.
      ...(agent === undefined ? {} : { "user-agent": agent }),
      ...resolved.headers,
      accept: "application/json",
      authorization: `Token ${resolved.apiKey}`,
      "x-simple-workspace": resolved.workspace,
    },
    log: createLog(logger, logLevel, redact),
  };
  const client: Record<string, unknown> = {
    raw: rawClient(context),
    withOptions: (overrides: ClientOverrides) => {
      const changed = overriddenOptions(options, overrides);
      return clientOf(changed, checked(changed, shared.extraOptions, "withOptions"), shared);
    },
  };
  for (const [resource, methods] of Object.entries(operations)) {
    client[resource] = Object.fromEntries(
      Object.entries(methods).map(([name, operation]) => {
        const where = `${resource}.${name}`;
        const Promised = operation.paginated ? PagePromise : PiriodPromise;
        return [name, (...args: unknown[]) => new Promised(call(context, operation, where, args) as Promise<never>)];
      }),
    );
  }
  return client as unknown as PiriodClient;
}

/**
 * A browser page, or a browser's web worker: there any visitor can read what the script holds. A worker has no `window`; server
 * runtimes that offer workers too (Deno, Bun, Cloudflare's workerd) name themselves in `navigator.userAgent`, where every browser's
 * starts with `Mozilla/`.
 */
function isBrowser(): boolean {
  const scope = globalThis as {
    window?: { document?: unknown };
    WorkerGlobalScope?: unknown;
    navigator?: { userAgent?: unknown };
  };
  if (typeof scope.window === "object" && scope.window !== null && typeof scope.window.document === "object")
    return true;
  const Worker = scope.WorkerGlobalScope;
  return (
    typeof Worker === "function" &&
    globalThis instanceof Worker &&
    String(scope.navigator?.userAgent).startsWith("Mozilla/")
  );
}

import { type ClientContext, call } from "./call.js";
import { PiriodError } from "./errors.js";
import { fetchTransport } from "./fetch-transport.js";
import { createLog } from "./log.js";
import type { OperationTable } from "./operation.js";
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
import { rawClient } from "./raw.js";
import { createRedactor } from "./redaction.js";
import { abortableSleep, type Sleep } from "./send.js";
import type { Transport } from "./transport.js";

/** What a client and the clients `withOptions` makes of it share. */
interface Shared {
  operations: OperationTable;
  transport: Transport;
  sleep: Sleep;
  extraOptions: readonly string[];
  userAgent: string | undefined;
}

/**
 * The client of every entry point: a method per operation of `operations` (the table generated from the spec, which the entry point
 * hands in), sending through the entry point's `defaultTransport` or the caller's `fetch`, with `raw` and `withOptions` beside them.
 * `Client` is the type the entry point gives it (`PiriodClient`: the generated resources' methods joined to those two). `extraOptions`
 * are the options only that entry point takes (Node's `agent`); tests shorten `sleep`. The entries for Node, Deno and Bun give their
 * `userAgent`; the browser and worker entry gives none, and carries no code to make one.
 */
export function createClient<Client>(
  operations: OperationTable,
  options: PiriodClientOptions,
  defaultTransport: (options: ResolvedOptions) => Transport,
  extraOptions: readonly string[] = [],
  sleep: Sleep = abortableSleep,
  userAgent?: string,
): Client {
  const resolved = checked(options, extraOptions, "createPiriodClient");
  if (isBrowser() && !resolved.dangerouslyAllowBrowser) {
    throw new PiriodError(
      "createPiriodClient: refusing to run in a browser, where every visitor could read the API key. " +
        "Make the client in server code (an API route, a backend) and have the page call that; " +
        "to accept the risk (an internal tool, a key scoped for it), set dangerouslyAllowBrowser: true. " +
        "Tests under jsdom or happy-dom in Node, Deno or Bun are not refused.",
    );
  }
  // A page's key would cross the network in clear to the visitor's own network, whatever the host is for.
  if (isBrowser() && resolved.plainHttpHosts.length > 0)
    throw new PiriodError(
      "createPiriodClient: plainHttpHosts is for test hosts of a server's tests, and is refused in a browser",
    );
  return clientOf(options, resolved, {
    operations,
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

function clientOf<Client>(options: PiriodClientOptions, resolved: ResolvedOptions, shared: Shared): Client {
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
    raw: rawClient(context, shared.operations),
    withOptions: (overrides: ClientOverrides) => {
      const changed = overriddenOptions(options, overrides);
      return clientOf<Client>(changed, checked(changed, shared.extraOptions, "withOptions"), shared);
    },
  };
  for (const [resource, methods] of Object.entries(shared.operations)) {
    client[resource] = Object.fromEntries(
      Object.entries(methods).map(([name, operation]) => {
        const where = `${resource}.${name}`;
        const Promised = operation.paginated ? PagePromise : PiriodPromise;
        return [name, (...args: unknown[]) => new Promised(call(context, operation, where, args) as Promise<never>)];
      }),
    );
  }
  return client as Client;
}

/**
 * A browser page, or a browser's web worker: there any visitor can read what the script holds. A worker has no `window`; server
 * runtimes that offer workers too (Deno, Bun, Cloudflare's workerd) name themselves in `navigator.userAgent`, where every browser's
 * starts with `Mozilla/`. A DOM that jsdom or happy-dom emulates inside Node, Deno or Bun (a test environment, which names itself in
 * `navigator.userAgent` too) is no browser: the process is the developer's, and no visitor loads it. The same code in a browser is refused.
 */
function isBrowser(): boolean {
  const scope = globalThis as {
    window?: { document?: unknown };
    WorkerGlobalScope?: unknown;
    navigator?: { userAgent?: unknown };
    process?: { versions?: { node?: unknown } };
  };
  const userAgent = String(scope.navigator?.userAgent);
  if (typeof scope.process?.versions?.node === "string" && / (jsdom|HappyDOM)\//.test(userAgent)) return false;
  if (typeof scope.window === "object" && scope.window !== null && typeof scope.window.document === "object")
    return true;
  const Worker = scope.WorkerGlobalScope;
  return typeof Worker === "function" && globalThis instanceof Worker && userAgent.startsWith("Mozilla/");
}

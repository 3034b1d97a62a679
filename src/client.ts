import { type ClientContext, call } from "./call.js";
import { PiriodError } from "./errors.js";
import { fetchTransport } from "./fetch-transport.js";
import { shorten } from "./message-text.js";
import type { OperationTable } from "./operation.js";
import {
  type ClientOverrides,
  LEVELS,
  type Logger,
  type LogLevel,
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
}

/**
 * The client of every entry point: a method per operation of `operations` (the table generated from the spec, which the entry point
 * hands in), sending through the entry point's `defaultTransport` or the caller's `fetch`, with `raw` and `withOptions` beside them.
 * `Client` is the type the entry point gives it (`PiriodClient`: the generated resources' methods joined to those two). `extraOptions`
 * are the options only that entry point takes (Node's `agent`); tests shorten `sleep`.
 */
export function createClient<Client>(
  operations: OperationTable,
  options: PiriodClientOptions,
  defaultTransport: (options: ResolvedOptions) => Transport,
  extraOptions: readonly string[] = [],
  sleep: Sleep = abortableSleep,
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
  const context: ClientContext = {
    options: resolved,
    transport: shared.transport,
    sleep: shared.sleep,
    redact: createRedactor(resolved.apiKey),
    headers: {
      ...lowerCaseKeys(resolved.headers),
      accept: "application/json",
      authorization: `Token ${resolved.apiKey}`,
      "x-simple-workspace": resolved.workspace,
    },
    log: (level, message) => {
      if (logger && LEVELS.indexOf(level) >= LEVELS.indexOf(logLevel)) safelyLog(logger, level, message());
    },
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
        const failed = (error: Error) => {
          context.log("error", () => error.message);
          throw error;
        };
        return [
          name,
          (...args: unknown[]) => new Promised(call(context, operation, where, args).catch(failed) as Promise<never>),
        ];
      }),
    );
  }
  return client as Client;
}

/** The longest line the client logs: a message is bounded already, and this bounds whatever else a line quotes. */
const MAX_LOG_LINE = 2_000;

/**
 * Hands `logger` one line, its failure swallowed: a logger that throws, or an async one that rejects, cannot change the outcome of the
 * call it reports on, nor leave an unhandled rejection.
 */
function safelyLog(logger: Logger, level: LogLevel, message: string): void {
  try {
    const returned: unknown = logger[level](shorten(message, MAX_LOG_LINE));
    if (typeof (returned as PromiseLike<unknown> | null)?.then === "function")
      (returned as PromiseLike<unknown>).then(undefined, () => {});
  } catch {}
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
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

import createOpenApiClient, { type Client } from "openapi-fetch";
import { preloadRequestValidators } from "./body-validation.js";
import type { ClientPaths } from "./client-paths.js";
import { customersResource, type CustomersResource } from "./customers.js";
import { PiriodError } from "./errors.js";
import { resolveOptions, type PiriodClientOptions, type ResolvedOptions } from "./options.js";
import { createRedactor } from "./redact.js";
import { retryingFetch, type RetryPolicy } from "./retrying-fetch.js";
import { abortableSleep, type Sleep } from "./sleep.js";
import { customFetchTransport, type RespondWith, type Transport } from "./transport.js";

export interface PiriodClient {
  customers: CustomersResource;
  /**
   * The openapi-fetch client behind `customers`, for `{ data, error, response }` style calls. It
   * shares the transport, the authentication, the injected headers and the retries; its types do
   * not ask for the headers the client injects.
   */
  raw: Client<ClientPaths>;
}

/** What an entry point supplies: how to send requests where it runs. */
export interface ClientRuntime {
  /** The transport used when the caller passes no `fetch`. */
  defaultTransport(options: ResolvedOptions, extra: Record<string, unknown>): Transport;
  /** The class openapi-fetch builds each request with, made per client, and what `raw` needs of it. */
  requests(): RuntimeRequests;
  /** How a transport makes its response. */
  respond: RespondWith;
  /** Options only this entry point understands (Node's `agent`), checked by `checkExtra`. */
  extraOptions?: readonly string[];
  checkExtra?(options: ResolvedOptions, extra: Record<string, unknown>): void;
  /** How retries wait; tests substitute one that records and shortens the waits. */
  sleep?: Sleep;
}

export interface RuntimeRequests {
  Request: typeof Request;
  /** Called with `raw` once made: light requests must give way to standard ones for middleware. */
  adopt?(raw: Client<ClientPaths>): void;
}

/** The shared core of every entry point: the same client over whichever transport the runtime gives. */
export function createClient(options: PiriodClientOptions, runtime: ClientRuntime): PiriodClient {
  const resolved = resolveOptions(options, runtime.extraOptions);
  if (isBrowser() && !resolved.dangerouslyAllowBrowser) {
    throw new PiriodError(
      "createPiriodClient: refusing to run in a browser, where every visitor could read the API key. " +
        "Call Piriod from your server; to accept the risk (an internal tool, a key scoped for it), set dangerouslyAllowBrowser: true.",
    );
  }
  const extra = Object.fromEntries((runtime.extraOptions ?? []).map((key) => [key, (options as unknown as Record<string, unknown>)[key]]));
  runtime.checkExtra?.(resolved, extra);
  const transport = resolved.fetch ? customFetchTransport(resolved.fetch, runtime.respond) : runtime.defaultTransport(resolved, extra);
  if (resolved.validateRequest) preloadRequestValidators();
  const redact = createRedactor(resolved.apiKey);
  const retry = { transport, sleep: runtime.sleep ?? abortableSleep, redact };
  const fetchWith = (policy: RetryPolicy) => retryingFetch(retry, policy);
  const requests = runtime.requests();
  const raw = createOpenApiClient<ClientPaths>({
    baseUrl: resolved.baseUrl,
    headers: injectedHeaders(resolved),
    Request: requests.Request,
    fetch: fetchWith(resolved),
  });
  requests.adopt?.(raw);
  return { customers: customersResource({ raw, options: resolved, fetchWith, redact }), raw };
}

function injectedHeaders({ apiKey, workspace, testMode, headers }: ResolvedOptions): Record<string, string> {
  return {
    ...headers,
    Accept: "application/json",
    Authorization: `Token ${apiKey}`,
    "x-simple-workspace": workspace,
    ...(testMode ? { "x-piriod-test-mode": "true" } : {}),
  };
}

/**
 * A browser page, or a browser's web worker: there any visitor can read what the script holds. A
 * worker has no `window`; server runtimes that offer workers too (Deno, Bun, Cloudflare's workerd)
 * name themselves in `navigator.userAgent`, where every browser's starts with `Mozilla/`.
 */
function isBrowser(): boolean {
  const scope = globalThis as { window?: { document?: unknown }; WorkerGlobalScope?: unknown; navigator?: { userAgent?: unknown } };
  if (typeof scope.window === "object" && scope.window !== null && typeof scope.window.document === "object") return true;
  const Worker = scope.WorkerGlobalScope;
  return typeof Worker === "function" && globalThis instanceof Worker && String(scope.navigator?.userAgent).startsWith("Mozilla/");
}

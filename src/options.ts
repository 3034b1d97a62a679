import { PiriodError } from "./errors.js";
import type { FetchFunction } from "./fetch-transport.js";
import { LEVELS, type Logger, type LogLevel } from "./log.js";
import { shorten } from "./message-text.js";
import { clientHeaderProblem, headerProblem } from "./owned-headers.js";

export interface PiriodClientOptions {
  /** Your Piriod API token (`sk_…`), sent as `Authorization: Token <apiKey>`. Never shown in errors or logs. */
  apiKey: string;
  /** The workspace (account) every request acts on, sent as `x-simple-workspace` (`acc_…`). */
  workspace: string;
  /** Work on test-mode data (`x-piriod-test-mode: true`). Default `false`. */
  testMode?: boolean;
  /** Default `https://api.piriod.com`. Must be https; plain http only for localhost, or a host of `plainHttpHosts`. */
  baseUrl?: string;
  /**
   * Test hosts besides localhost that `baseUrl` may reach over plain http, such as a fake Piriod in a
   * container next door (`["piriod-fake"]`). Never a production host: the key would cross the network
   * in clear. Refused in browsers.
   */
  plainHttpHosts?: readonly string[];
  /** Replaces the transport (for tests and mocks); it receives a standard `Request` per attempt. */
  fetch?: FetchFunction;
  /** Limit of each attempt, from sending to the last byte of the response. Default 60 000 ms. */
  timeoutMs?: number;
  /** Attempts after the first, on connection errors, timeouts, 408, 429 and 5xx (not 501): 0 to 10, default 2. */
  maxRetries?: number;
  /** Check bodies against the spec: the request before sending (default on), the response (default off). */
  validate?: { request?: boolean; response?: boolean };
  /** More headers for every request. The ones the client sets from the options above cannot be replaced here. */
  headers?: Record<string, string>;
  /** In a browser the client refuses to start, since its token would be visible to every visitor. Set this to accept that risk. */
  dangerouslyAllowBrowser?: boolean;
  /** The largest response body read (decoded), in bytes; a larger one is a `PiriodResponseTooLargeError`. Default 16 MiB (a page of 100 customers is some 300 kB). */
  maxResponseBytes?: number;
  /**
   * Where to report each attempt (debug), each retry with its reason and wait (info), a call that ends in a 4xx (warn) and one that
   * ends in a 5xx or without a response (error), each as a message and an object of fields: `console`, winston, or any logger with
   * those methods. Never given the key, nor a query's values.
   */
  logger?: Logger;
  /** The least level reported to `logger`. Default `"info"`. */
  logLevel?: LogLevel;
}

/** What `withOptions` may change of a client, which keeps its key, transport and connections. */
export type ClientOverrides = Partial<
  Pick<PiriodClientOptions, "workspace" | "testMode" | "timeoutMs" | "maxRetries" | "headers">
>;

/** Per-call options of every method; each overrides the client's. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  testMode?: boolean;
  /** More headers for this call, over the client's; the ones the client sets are refused, as in the `headers` option. */
  headers?: Record<string, string>;
}

export type ResolvedOptions = ReturnType<typeof resolveOptions>;
/** A call's settings: its options merged over the client's. */
export type CallOptions = Required<Omit<RequestOptions, "signal" | "headers">> &
  Pick<RequestOptions, "signal" | "headers">;

const CLIENT_OPTIONS = [
  "apiKey",
  "workspace",
  "testMode",
  "baseUrl",
  "plainHttpHosts",
  "fetch",
  "timeoutMs",
  "maxRetries",
  "validate",
  "headers",
  "dangerouslyAllowBrowser",
  "maxResponseBytes",
  "logger",
  "logLevel",
];
const MAX_TIMER_MS = 2_147_483_647;
const MAX_RETRIES = 10;
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

type Fail = (message: string) => PiriodError;
const failure =
  (where: string): Fail =>
  (message) =>
    new PiriodError(`${where}: ${message}`);

/** The error of options whose reading throws (a getter, a proxy): refused as any other bad option, the thrown error as cause. */
export function unreadableOptions(where: string, error: unknown): PiriodError {
  if (error instanceof PiriodError) return error;
  return new PiriodError(`${where}: the options cannot be read (${(error as Error)?.message ?? error})`, {
    cause: error,
  });
}

/** Checks every option, so a mistake fails at construction with a message that names it (never the key's value); `where` names the call. */
export function resolveOptions(
  options: PiriodClientOptions,
  extraOptions: readonly string[] = [],
  where = "createPiriodClient",
) {
  const fail = failure(where);
  if (typeof options !== "object" || options === null)
    throw fail("expects an options object with apiKey and workspace");
  refuseUnknown(options, [...CLIENT_OPTIONS, ...extraOptions], fail);
  const { apiKey, workspace, validate = {}, headers = {} } = options;
  if (typeof apiKey !== "string" || apiKey.trim() === "")
    throw fail("apiKey is required: your Piriod API token, a non-empty string");
  if (/^token\s/i.test(apiKey)) throw fail('apiKey must be the token alone: the client adds the "Token " prefix');
  if (!VISIBLE_ASCII.test(apiKey))
    throw fail("apiKey must not contain spaces, line breaks or other control or non-ASCII characters");
  if (typeof workspace !== "string" || !VISIBLE_ASCII.test(workspace))
    throw fail("workspace is required: the workspace id (acc_…), without spaces or control characters");
  if (typeof validate !== "object" || validate === null)
    throw fail("validate must be an object such as { request: true, response: false }");
  refuseUnknown(validate, ["request", "response"], (message) => fail(`validate: ${message}`));
  if (options.fetch !== undefined && typeof options.fetch !== "function")
    throw fail("fetch must be a function that takes a Request");
  const { logger, logLevel = "info" } = options;
  if (logger !== undefined && LEVELS.some((level) => typeof (logger as Partial<Logger> | null)?.[level] !== "function"))
    throw fail("logger must have debug, info, warn and error methods, as console has");
  if (!LEVELS.includes(logLevel)) throw fail(`logLevel must be one of ${LEVELS.join(", ")}`);
  const plainHttpHosts = checkHosts(options.plainHttpHosts, fail);
  return {
    apiKey,
    workspace,
    testMode: checkBoolean(options.testMode, "testMode", false, fail),
    baseUrl: checkBaseUrl(options.baseUrl ?? "https://api.piriod.com", plainHttpHosts, fail),
    plainHttpHosts,
    fetch: options.fetch,
    timeoutMs: checkTimeout(options.timeoutMs, 60_000, fail),
    maxRetries: checkRetries(options.maxRetries, 2, fail),
    validateRequest: checkBoolean(validate.request, "validate.request", true, fail),
    validateResponse: checkBoolean(validate.response, "validate.response", false, fail),
    headers: checkHeaders(headers, fail),
    dangerouslyAllowBrowser: checkBoolean(options.dangerouslyAllowBrowser, "dangerouslyAllowBrowser", false, fail),
    maxResponseBytes: checkWhole(options.maxResponseBytes, "maxResponseBytes", 16 * 2 ** 20, 1, fail),
    logger,
    logLevel,
  };
}

/** The options of the client `withOptions` makes of a client of `options`: its own, with `overrides` over them and the headers merged. */
export function overriddenOptions(options: PiriodClientOptions, overrides: ClientOverrides): PiriodClientOptions {
  const fail = failure("withOptions");
  if (typeof overrides !== "object" || overrides === null) throw fail("expects an object of options to change");
  refuseUnknown(overrides, ["workspace", "testMode", "timeoutMs", "maxRetries", "headers"], fail);
  return { ...options, ...overrides, headers: { ...options.headers, ...overrides.headers } };
}

/** A call's options merged over the client's; `where` names the method in messages (`customers.update`). */
export function resolveRequestOptions(
  options: RequestOptions | undefined,
  client: ResolvedOptions,
  where: string,
): CallOptions {
  const { timeoutMs, maxRetries, testMode } = client;
  if (options === undefined) return { timeoutMs, maxRetries, testMode };
  const fail = failure(where);
  if (typeof options !== "object" || options === null) throw fail("options must be an object");
  refuseUnknown(options, ["signal", "timeoutMs", "maxRetries", "testMode", "headers"], fail);
  // Shape, not instanceof: a signal from another realm (an iframe, jsdom) is as good.
  if (
    options.signal !== undefined &&
    typeof (options.signal as Partial<AbortSignal> | null)?.addEventListener !== "function"
  )
    throw fail("signal must be an AbortSignal");
  return {
    signal: options.signal,
    timeoutMs: checkTimeout(options.timeoutMs, client.timeoutMs, fail),
    maxRetries: checkRetries(options.maxRetries, client.maxRetries, fail),
    testMode: checkBoolean(options.testMode, "testMode", client.testMode, fail),
    headers: options.headers === undefined ? undefined : checkHeaders(options.headers, fail),
  };
}

/** Refuses a misspelt or foreign option; one left `undefined` (shared code passing `agent: undefined`) is no mistake. */
function refuseUnknown(options: object, known: readonly string[], fail: Fail): void {
  const unknown = Object.keys(options).filter(
    (key) => (options as Record<string, unknown>)[key] !== undefined && !known.includes(key),
  );
  if (unknown.length > 0)
    throw fail(
      `unknown option ${unknown.map((key) => `"${shorten(key)}"`).join(", ")}; the options are ${known.join(", ")}`,
    );
}

function checkBoolean(value: unknown, name: string, fallback: boolean, fail: Fail): boolean {
  if (value !== undefined && typeof value !== "boolean") throw fail(`${name} must be true or false`);
  return (value as boolean | undefined) ?? fallback;
}

function checkTimeout(value: unknown, fallback: number, fail: Fail): number {
  if (value !== undefined && (typeof value !== "number" || !(value > 0) || value > MAX_TIMER_MS))
    throw fail(`timeoutMs must be a number of milliseconds above 0, at most ${MAX_TIMER_MS}`);
  return (value as number | undefined) ?? fallback;
}

function checkWhole(value: unknown, name: string, fallback: number, least: number, fail: Fail): number {
  if (value !== undefined && (!Number.isSafeInteger(value) || (value as number) < least))
    throw fail(`${name} must be a whole number, ${least} or more`);
  return (value as number | undefined) ?? fallback;
}

/** Retries after the first attempt: a server that keeps failing gets at most 11 requests a call. */
function checkRetries(value: unknown, fallback: number, fail: Fail): number {
  if (value !== undefined && (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > MAX_RETRIES))
    throw fail(`maxRetries must be a whole number from 0 to ${MAX_RETRIES}`);
  return (value as number | undefined) ?? fallback;
}

/** The host names of `plainHttpHosts`, in lower case as URLs write them. */
function checkHosts(value: unknown, fail: Fail): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((host) => typeof host !== "string" || !/^[A-Za-z0-9.-]+$/.test(host)))
    throw fail('plainHttpHosts must be a list of host names, such as ["piriod-fake"]');
  return value.map((host: string) => host.toLowerCase());
}

function checkBaseUrl(value: unknown, plainHttpHosts: readonly string[], fail: Fail): string {
  let url: URL | undefined;
  try {
    url = new URL(value as string);
  } catch {}
  if (typeof value !== "string" || !url || (url.protocol !== "https:" && url.protocol !== "http:"))
    throw fail("baseUrl must be an absolute https URL, such as https://api.piriod.com");
  if (url.username || url.password) throw fail("baseUrl must not carry a user name or password");
  const base = url.origin + url.pathname;
  const shown = shorten(base);
  const loopback =
    url.hostname === "localhost" ||
    url.hostname.endsWith(".localhost") ||
    url.hostname === "[::1]" ||
    /^127(\.\d{1,3}){3}$/.test(url.hostname);
  if (url.protocol === "http:" && !loopback && !plainHttpHosts.includes(url.hostname))
    throw fail(
      `baseUrl must use https (plain http is allowed only for localhost, or a host of plainHttpHosts): ${shown}`,
    );
  if (url.search || url.hash) throw fail(`baseUrl must not have a query or a fragment: ${shown}`);
  return base.replace(/\/+$/, "");
}

function checkHeaders(headers: unknown, fail: Fail): Record<string, string> {
  if (typeof headers !== "object" || headers === null)
    throw fail("headers must be an object of header names to string values");
  for (const [name, value] of Object.entries(headers)) {
    const problem = headerProblem(name, "") ?? clientHeaderProblem(name) ?? headerProblem(name, value);
    if (problem) throw fail(`headers: ${problem}`);
  }
  // In lower case, so that a call's headers replace the client's whatever the case of either.
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value as string]));
}

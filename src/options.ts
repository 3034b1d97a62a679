import { PiriodError } from "./errors.js";
import type { FetchFunction } from "./transport.js";

export interface PiriodClientOptions {
  /** Your Piriod API token (`sk_…`), sent as `Authorization: Token <apiKey>`. Never shown in errors or logs. */
  apiKey: string;
  /** The workspace (account) every request acts on, sent as `x-simple-workspace` (`acc_…`). */
  workspace: string;
  /** Work on test-mode data (`x-piriod-test-mode: true`). Default `false`. */
  testMode?: boolean;
  /** Default `https://api.piriod.com`. Must be https; plain http only for localhost. */
  baseUrl?: string;
  /** Replaces the transport (for tests and mocks); it receives a standard `Request` per attempt. */
  fetch?: FetchFunction;
  /** Limit of each attempt, from sending to the last byte of the response. Default 60 000 ms. */
  timeoutMs?: number;
  /** Attempts after the first, on connection errors, timeouts, 408, 429 and 5xx (not 501). Default 2. */
  maxRetries?: number;
  /** Check bodies against the spec: the request before sending (default on), the response (default off). */
  validate?: { request?: boolean; response?: boolean };
  /** More headers for every request. The ones the client sets from the options above cannot be replaced here. */
  headers?: Record<string, string>;
  /** In a browser the client refuses to start, since its token would be visible to every visitor. Set this to accept that risk. */
  dangerouslyAllowBrowser?: boolean;
}

/** Per-call options of `customers.update`; each overrides the client's. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  testMode?: boolean;
}

export interface ResolvedOptions {
  apiKey: string;
  workspace: string;
  testMode: boolean;
  baseUrl: string;
  fetch: FetchFunction | undefined;
  timeoutMs: number;
  maxRetries: number;
  validateRequest: boolean;
  validateResponse: boolean;
  headers: Record<string, string>;
  dangerouslyAllowBrowser: boolean;
}

/** What a call without options gets: checked once, here, rather than on every call. */
export const NO_OPTIONS: RequestOptions = Object.freeze({});

/** Headers the client sets itself: an extra `headers` entry may not replace them. */
export const INJECTED_HEADERS = ["authorization", "x-simple-workspace", "x-piriod-test-mode"];

const CLIENT_OPTIONS = ["apiKey", "workspace", "testMode", "baseUrl", "fetch", "timeoutMs", "maxRetries", "validate", "headers", "dangerouslyAllowBrowser"];
const REQUEST_OPTIONS = ["signal", "timeoutMs", "maxRetries", "testMode"];
const MAX_TIMER_MS = 2_147_483_647;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Checks every option, so a mistake fails at construction with a message that names it (never the key's value). */
export function resolveOptions(options: PiriodClientOptions, extraOptions: readonly string[] = []): ResolvedOptions {
  const fail = failure("createPiriodClient");
  if (typeof options !== "object" || options === null) throw fail("expects an options object with apiKey and workspace");
  refuseUnknown(options, [...CLIENT_OPTIONS, ...extraOptions], fail);
  const { apiKey, workspace, validate = {}, headers = {} } = options;
  if (typeof apiKey !== "string" || apiKey.trim() === "") throw fail("apiKey is required: your Piriod API token, a non-empty string");
  if (/^token\s/i.test(apiKey)) throw fail('apiKey must be the token alone: the client adds the "Token " prefix');
  if (!VISIBLE_ASCII.test(apiKey)) throw fail("apiKey must not contain spaces, line breaks or other control or non-ASCII characters");
  if (typeof workspace !== "string" || !VISIBLE_ASCII.test(workspace)) {
    throw fail("workspace is required: the workspace id (acc_…), without spaces or control characters");
  }
  if (typeof validate !== "object" || validate === null) throw fail("validate must be an object such as { request: true, response: false }");
  refuseUnknown(validate, ["request", "response"], (message) => fail(`validate: ${message}`));
  if (options.fetch !== undefined && typeof options.fetch !== "function") throw fail("fetch must be a function that takes a Request");
  return {
    apiKey,
    workspace,
    testMode: optionalBoolean(options.testMode, "testMode", false, fail),
    baseUrl: checkBaseUrl(options.baseUrl ?? "https://api.piriod.com", fail),
    fetch: options.fetch,
    timeoutMs: checkTimeout(options.timeoutMs, 60_000, fail),
    maxRetries: checkRetries(options.maxRetries, 2, fail),
    validateRequest: optionalBoolean(validate.request, "validate.request", true, fail),
    validateResponse: optionalBoolean(validate.response, "validate.response", false, fail),
    headers: checkHeaders(headers, fail),
    dangerouslyAllowBrowser: optionalBoolean(options.dangerouslyAllowBrowser, "dangerouslyAllowBrowser", false, fail),
  };
}

/** A call's settings: its options merged over the client's (`testMode` only when the call sets it). */
export interface CallOptions {
  signal: AbortSignal | undefined;
  timeoutMs: number;
  maxRetries: number;
  testMode: boolean | undefined;
}

/** A call's options merged over the client's. */
export function resolveRequestOptions(options: RequestOptions, client: ResolvedOptions): CallOptions {
  const fail = failure("customers.update");
  if (typeof options !== "object" || options === null) throw fail("options must be an object");
  refuseUnknown(options, REQUEST_OPTIONS, fail);
  const { signal } = options;
  // Shape, not instanceof: a signal from another realm (an iframe, jsdom) is as good.
  if (signal !== undefined && typeof (signal as Partial<AbortSignal> | null)?.addEventListener !== "function") throw fail("signal must be an AbortSignal");
  return {
    signal,
    timeoutMs: checkTimeout(options.timeoutMs, client.timeoutMs, fail),
    maxRetries: checkRetries(options.maxRetries, client.maxRetries, fail),
    testMode: optionalBoolean(options.testMode, "testMode", undefined, fail),
  };
}

type Fail = (message: string) => PiriodError;

function failure(where: string): Fail {
  return (message) => new PiriodError(`${where}: ${message}`);
}

/** Refuses a misspelt or foreign option; one left `undefined` (shared code passing `agent: undefined`) is no mistake. */
function refuseUnknown(options: object, known: readonly string[], fail: Fail): void {
  const unknown = Object.entries(options)
    .filter(([key, value]) => value !== undefined && !known.includes(key))
    .map(([key]) => key);
  if (unknown.length > 0) throw fail(`unknown option ${unknown.map((key) => `"${key}"`).join(", ")}; the options are ${known.join(", ")}`);
}

function optionalBoolean<D extends boolean | undefined>(value: unknown, name: string, fallback: D, fail: Fail): boolean | D {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw fail(`${name} must be true or false`);
  return value;
}

function checkTimeout(value: unknown, fallback: number, fail: Fail): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value > 0) || value > MAX_TIMER_MS) throw fail(`timeoutMs must be a number of milliseconds above 0, at most ${MAX_TIMER_MS}`);
  return value;
}

function checkRetries(value: unknown, fallback: number, fail: Fail): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || (value as number) < 0) throw fail("maxRetries must be a whole number, 0 or more");
  return value as number;
}

function checkBaseUrl(value: unknown, fail: Fail): string {
  const url = parseUrl(value);
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) throw fail("baseUrl must be an absolute https URL, such as https://api.piriod.com");
  if (url.username || url.password) throw fail("baseUrl must not carry a user name or password");
  const shown = url.origin + url.pathname;
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    throw fail(`baseUrl must use https (plain http is allowed only for localhost): ${shown}`);
  }
  if (url.search || url.hash) throw fail(`baseUrl must not have a query or a fragment: ${shown}`);
  return shown.replace(/\/+$/, "");
}

function parseUrl(value: unknown): URL | undefined {
  try {
    return typeof value === "string" ? new URL(value) : undefined;
  } catch {
    return undefined;
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname.endsWith(".localhost") || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function checkHeaders(headers: unknown, fail: Fail): Record<string, string> {
  if (typeof headers !== "object" || headers === null) throw fail("headers must be an object of header names to string values");
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name)) throw fail(`headers: "${name}" is not a valid header name`);
    if (INJECTED_HEADERS.includes(name.toLowerCase())) {
      throw fail(`headers: "${name}" is set by the client; use the apiKey, workspace and testMode options`);
    }
    // The value is not repeated: extra headers often carry credentials of their own.
    if (typeof value !== "string" || !HEADER_VALUE.test(value)) throw fail(`headers: the value of "${name}" must be a string without line breaks or control characters`);
  }
  return headers as Record<string, string>;
}

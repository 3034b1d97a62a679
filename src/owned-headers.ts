import { shorten } from "./message-text.js";

/**
 * The headers the client or its transport sets, each with what sets it and what a single request (a `raw` call, its middleware) may do
 * with it: set its own value (`x-simple-workspace`, `x-piriod-test-mode`, the typed per-call overrides), only repeat the client's (the
 * key: another key means another client), or nothing (the transport frames the request; a caller's framing header would desynchronise
 * a shared keep-alive connection). The `headers` option and `withOptions` may set none of them.
 */
const OWNED_HEADERS: Record<string, { setBy: string; perRequest: "own value" | "client's value" | "never" }> = {
  authorization: { setBy: "the apiKey option", perRequest: "client's value" },
  "x-simple-workspace": { setBy: "the workspace option", perRequest: "own value" },
  "x-piriod-test-mode": { setBy: "the testMode option", perRequest: "own value" },
  "accept-encoding": { setBy: "nothing: the client asks for gzip and br and decodes them", perRequest: "never" },
  ...Object.fromEntries(
    [
      "content-length",
      "transfer-encoding",
      "connection",
      "keep-alive",
      "upgrade",
      "host",
      "te",
      "trailer",
      "expect",
    ].map((name) => [
      name,
      { setBy: "nothing: the transport frames each request itself", perRequest: "never" as const },
    ]),
  ),
};

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Why a header cannot be sent as given, or `undefined` when it can. The value is never repeated: it may carry a credential. */
export function headerProblem(name: string, value: unknown): string | undefined {
  if (!TOKEN.test(name)) return `"${shorten(name)}" is not a valid header name`;
  if (typeof value !== "string" || !FIELD_VALUE.test(value))
    return `the value of "${shorten(name)}" must be a string without line breaks or control characters`;
  return undefined;
}

/** Why the `headers` option may not set `name`, or `undefined` when it may. */
export function clientHeaderProblem(name: string): string | undefined {
  const owned = OWNED_HEADERS[name.toLowerCase()];
  return owned && `"${name}" is set by the client; use ${owned.setBy}`;
}

/**
 * Why a single request may not carry the headers it has (names in lower case), given the headers the client sets on every request,
 * or `undefined` when it may.
 */
export function requestHeaderProblem(
  headers: Record<string, string>,
  client: Readonly<Record<string, string>>,
): string | undefined {
  for (const [name, value] of Object.entries(headers)) {
    const owned = OWNED_HEADERS[name];
    if (owned?.perRequest === "never")
      return `the "${name}" header is the transport's to set: remove it from the call's headers or its middleware`;
    if (owned?.perRequest === "client's value" && value !== client[name])
      return `the "${name}" header is set by ${owned.setBy}: another key means another client`;
  }
  return undefined;
}

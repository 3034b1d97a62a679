/**
 * The headers the client or its transport sets, each with what sets it. The `headers` option and `withOptions` refuse every one of
 * them; a single request (a `raw` call, its middleware) may set a header the options set, but never one the transport frames the
 * request with: one given by a caller would desynchronise a shared keep-alive connection.
 */
const OWNED_HEADERS: Record<string, { setBy: string; transport?: true }> = {
  authorization: { setBy: "the apiKey option" },
  "x-simple-workspace": { setBy: "the workspace option" },
  "x-piriod-test-mode": { setBy: "the testMode option" },
  "accept-encoding": { setBy: "nothing: the client asks for gzip and br and decodes them", transport: true },
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
    ].map((name) => [name, { setBy: "nothing: the transport frames each request itself", transport: true as const }]),
  ),
};

/** Why the `headers` option may not set `name`, or `undefined` when it may. */
export function clientHeaderProblem(name: string): string | undefined {
  const owned = OWNED_HEADERS[name.toLowerCase()];
  return owned && `"${name}" is set by the client; use ${owned.setBy}`;
}

/** Why a single request may not carry the headers it has (names in lower case), or `undefined` when it may. */
export function requestHeaderProblem(headers: Record<string, string>): string | undefined {
  const framing = Object.keys(headers).find((name) => OWNED_HEADERS[name]?.transport);
  return (
    framing && `the "${framing}" header is the transport's to set: remove it from the call's headers or its middleware`
  );
}

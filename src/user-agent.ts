/** Written into dist/ by `npm run build:package` (esbuild's `define`); absent when the source runs as it is, as in the tests. */
declare const __PACKAGE_VERSION__: string | undefined;

/** The package's version, as the build wrote it. */
export const VERSION = typeof __PACKAGE_VERSION__ === "string" ? __PACKAGE_VERSION__ : "0.0.0-source";

/**
 * `@piriod/api/<version> (<runtime>/<version>)` in Deno, Bun and Node, and `undefined` in any other runtime (a browser, a worker): there a
 * header of the client's own would force a CORS preflight that Piriod may not answer. Bun and Deno are asked first, since both also offer
 * Node's `process`.
 */
export function userAgent(): string | undefined {
  const scope = globalThis as {
    Deno?: { version?: { deno?: unknown } };
    Bun?: { version?: unknown };
    process?: { versions?: { node?: unknown } };
  };
  const runtime = [
    ["deno", scope.Deno?.version?.deno],
    ["bun", scope.Bun?.version],
    ["node", scope.process?.versions?.node],
  ].find(([, version]) => typeof version === "string" && /^[\w.+-]+$/.test(version));
  return runtime && `@piriod/api/${VERSION} (${runtime[0]}/${runtime[1]})`;
}

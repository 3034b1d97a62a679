import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Entry, Target } from "./senders.ts";

const load = (packageDir: string, file: string) => import(pathToFileURL(path.join(packageDir, "dist", "src", file)).href);

/**
 * The package's name, held in a variable: the import is then resolved where the benchmark runs
 * (the workspace) and not by the type-checker, which would need dist/ before it is built.
 */
const PACKAGE = "@piriod/api";

/** `import "@piriod/api"`, as a consumer in Node writes it. */
export function importPackage(): Promise<Entry> {
  return import(PACKAGE) as Promise<Entry>;
}

/**
 * Both entry points of the package as built: the Node one, as `import "@piriod/api"` resolves in
 * Node, and the fetch one (browsers, Deno, Bun, workers), loaded from its file since Node's export
 * conditions never pick it.
 */
export async function packageEntries(packageDir: string): Promise<{ node: Entry; fetch: Entry }> {
  const node = await importPackage();
  return { node, fetch: (await load(packageDir, "index.js")) as Entry };
}

/**
 * The Node client with its transport swapped, through the package's internal modules, for one
 * that answers at once with the call's example: every layer of the client and none of the network.
 */
export async function answeringCore(input: Target & { packageDir: string }): Promise<Entry> {
  const [{ createClient }, { nodeRuntime }, { bufferedResponse }] = await Promise.all(
    ["client.js", "node-runtime.js", "buffered-response.js"].map((file) => load(input.packageDir, file)),
  );
  const bytes = new TextEncoder().encode(JSON.stringify(input.call.response));
  const headers = new Headers({ "content-type": "application/json" });
  const transport = (request: { url: string }) => Promise.resolve(bufferedResponse(200, "OK", headers, bytes, request.url));
  return { createPiriodClient: (options) => createClient(options, { ...nodeRuntime, defaultTransport: () => transport }) };
}

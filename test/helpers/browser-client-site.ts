import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { REQUEST_VALIDATOR } from "../../bench/lib/browser-apps.ts";
import { bundleApp, loadedOnDemand, writeBundle } from "../../bench/lib/bundle-size.ts";
import type { PiriodClientOptions } from "../../src/options.js";
import { defined } from "./defined.ts";
import type { Answer } from "./http-fault-server.ts";

/** The browser entry, as a page holds it once `index.html` has loaded it. */
export type PiriodModule = typeof import("../../src/index.js");

/** The options a page or worker passes to `createPiriodClient`: plain data, as it crosses into the browser. */
export type BrowserClientOptions = Pick<
  PiriodClientOptions,
  "apiKey" | "workspace" | "baseUrl" | "dangerouslyAllowBrowser" | "maxRetries" | "timeoutMs"
>;

/** What the worker answers: where it ran, and how `createPiriodClient` went there. */
export interface WorkerReport {
  scope: { window: string; document: string; workerGlobalScope: boolean; userAgent: string };
  started: boolean;
  error?: { piriodError: boolean; name: string; message: string };
}

export interface BrowserClientSite {
  /** The directory to serve: `index.html`, `worker.js`, `piriod.js` and the chunks it loads on demand. */
  root: string;
  /** The chunk that holds the request validator, loaded by a dynamic import on first use. */
  requestValidatorChunk: string;
  remove(): Promise<void>;
}

// The page loads the entry with a static import and hands it to the test on `window`: the test's
// own functions cannot `import()` it, since the test runner rewrites `import()` in test code.
const INDEX_HTML = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>@piriod/api in a browser</title>
<script type="module">
  import * as piriod from "./piriod.js";
  window.piriod = piriod;
</script>
</html>
`;

// A module worker: no window, no document, only a WorkerGlobalScope. Each message is a set of
// options; the answer says what the worker's scope looks like and whether the client started.
const WORKER_JS = `import { createPiriodClient, PiriodError } from "./piriod.js";

self.onmessage = ({ data: options }) => {
  const scope = {
    window: typeof window,
    document: typeof document,
    workerGlobalScope: typeof WorkerGlobalScope === "function" && globalThis instanceof WorkerGlobalScope,
    userAgent: navigator.userAgent,
  };
  try {
    const client = createPiriodClient(options);
    self.postMessage({ scope, started: typeof client.customers.update === "function" });
  } catch (error) {
    self.postMessage({ scope, started: false, error: { piriodError: error instanceof PiriodError, name: error.name, message: error.message } });
  }
};
`;

/**
 * `src/index.ts` bundled for browsers as an app's bundler would (the size budgets' bundler:
 * esbuild, ESM, minified, dynamic imports split into chunks of their own), written with a page and
 * a worker script that load it, into a fresh temporary directory.
 */
export async function buildBrowserClientSite(): Promise<BrowserClientSite> {
  const root = await mkdtemp(path.join(tmpdir(), "piriod-browser-"));
  try {
    const bundle = await bundleApp(`export * from "./src/index.ts";`);
    await writeBundle(bundle, root, "piriod.js");
    const [holder] = loadedOnDemand(bundle, REQUEST_VALIDATOR);
    await writeFile(path.join(root, "index.html"), INDEX_HTML);
    await writeFile(path.join(root, "worker.js"), WORKER_JS);
    return {
      root,
      requestValidatorChunk: `/${path.basename(defined(holder, "the request validator's chunk").file)}`,
      remove: () => rm(root, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

/**
 * An API on another origin than the page, as Piriod's is: it answers the preflight for exactly
 * the method and headers the client sends, and every other request with `payload`, each readable
 * by `origin` only. A header the client sends beyond these fails the preflight, and so the call.
 */
export function corsJson(origin: string, payload: unknown): Answer {
  return (response, request) => {
    const cors = { "access-control-allow-origin": origin, vary: "Origin" };
    if (request.method === "OPTIONS") {
      response
        .writeHead(204, {
          ...cors,
          "access-control-allow-methods": "GET, PATCH",
          "access-control-allow-headers": "authorization, x-simple-workspace, content-type",
        })
        .end();
      return;
    }
    const text = JSON.stringify(payload);
    response
      .writeHead(200, {
        ...cors,
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(text)),
      })
      .end(text);
  };
}

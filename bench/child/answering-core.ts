/**
 * The Node client with its transport swapped for one that answers at once with the call's
 * example: every layer of the client and none of the network. The package exports no way to swap
 * the transport, so this imports the client's modules from src/: the child script is bundled by
 * esbuild (bench/lib/child-process.ts), the compiler the package is built with.
 */
import { bufferedResponse } from "../../src/buffered-response.ts";
import { createClient } from "../../src/client.ts";
import { nodeRuntime } from "../../src/node-runtime.ts";
import type { PiriodClientOptions } from "../../src/options.ts";
import type { Entry, Target } from "./senders.ts";

export function answeringCore(input: Target): Entry {
  const bytes = new TextEncoder().encode(JSON.stringify(input.call.response));
  const headers = new Headers({ "content-type": "application/json" });
  const transport = (request: { url: string }) => Promise.resolve(bufferedResponse(200, "OK", headers, bytes, request.url));
  const createPiriodClient = (options: PiriodClientOptions) => createClient(options, { ...nodeRuntime, defaultTransport: () => transport });
  // Entry is the loose shape through which the senders call any client by resource and method name.
  return { createPiriodClient } as unknown as Entry;
}

import type { Agent } from "node:http";
import { bufferedResponse } from "./buffered-response.js";
import type { ClientRuntime } from "./client.js";
import { PiriodError } from "./errors.js";
import { LightRequest } from "./light-request.js";
import { lightRequests } from "./middleware-requests.js";
import type { ResolvedOptions } from "./options.js";
import type { Transport } from "./transport.js";

/**
 * How the Node entry sends: its keep-alive transport, with the `agent` option it accepts, and the
 * light stand-ins for Node's `Request` and `Response`, which cost more than the rest of a call.
 */
export const nodeRuntime: ClientRuntime = {
  requests: () => lightRequests((input, init) => new LightRequest(input, init) as unknown as Request),
  respond: bufferedResponse,
  extraOptions: ["agent"],
  checkExtra(options, { agent }) {
    if (agent === undefined) return;
    if (options.fetch) throw new PiriodError("createPiriodClient: pass agent or fetch, not both: the agent only applies to the built-in transport");
    if (typeof agent !== "object" || agent === null || typeof (agent as { addRequest?: unknown }).addRequest !== "function") {
      throw new PiriodError("createPiriodClient: agent must be an http.Agent or https.Agent");
    }
    const protocol = (agent as { protocol?: unknown }).protocol;
    const expected = new URL(options.baseUrl).protocol;
    if (typeof protocol === "string" && protocol !== expected) {
      throw new PiriodError(`createPiriodClient: agent is for ${protocol} but baseUrl uses ${expected}: use an ${expected === "https:" ? "https" : "http"}.Agent`);
    }
  },
  defaultTransport: lazyNodeTransport,
};

/** The Node transport, its module (and node:http with it) imported on the first request. */
function lazyNodeTransport(options: ResolvedOptions, { agent }: Record<string, unknown>): Transport {
  let send: Transport | undefined;
  return (request, attempt) =>
    send
      ? send(request, attempt)
      : import("./node-transport.js").then((module) => (send ??= module.nodeTransport(options.baseUrl, agent as Agent | undefined))(request, attempt));
}

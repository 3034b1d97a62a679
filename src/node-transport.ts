import type * as http from "node:http";
import type { ReceivedResponse, Transport } from "./send.js";

/** An `http.Agent` or `https.Agent`, as the Node entry's `agent` option takes it: declared by its shape, so the package's types need no `@types/node`. */
export interface NodeAgent {
  maxSockets: number;
  destroy(): void;
}

const agents = new Map<string, http.Agent>();

/**
 * `node:http` or `node:https`, loaded by the first request that needs it (both cost an import some 10 ms), and read from Node's own
 * module object on each request, so that whatever patches `http.request` (a test's interceptor) sees the client's requests.
 */
const httpModule = (protocol: string) => process.getBuiltinModule(protocol === "https:" ? "node:https" : "node:http") as typeof http;

/** The transport over `node:http`/`node:https`: keep-alive, no redirect followed, the body read whole; `agent` serves the base URL's protocol. */
export function nodeTransport(baseProtocol: string, agent?: NodeAgent): Transport {
  return (request, signal) =>
    new Promise<ReceivedResponse>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const url = new URL(request.url);
      const headers = { ...request.headers };
      // A known length, not chunked encoding: some servers refuse chunked request bodies.
      if (request.body !== undefined) headers["content-length"] = String(typeof request.body === "string" ? Buffer.byteLength(request.body) : request.body.byteLength);
      const chosen = agent && url.protocol === baseProtocol ? (agent as http.Agent) : sharedAgent(url.protocol);
      // URL keeps IPv6 hosts in brackets; http.request wants them bare.
      const options = { protocol: url.protocol, hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"), port: url.port, path: url.pathname + url.search, method: request.method, headers, agent: chosen };
      let settled = false;
      /** True the first time only: the attempt ends once, whether by the response, a failure or an abort. */
      const settle = () => {
        if (settled) return false;
        signal.removeEventListener("abort", onAbort);
        return (settled = true);
      };
      const fail = (error: unknown) => settle() && reject(error);
      const onAbort = () => (fail(signal.reason), outgoing.destroy());
      const outgoing = httpModule(url.protocol).request(options, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () => {
          if (!settle()) return;
          const headers = new Headers();
          for (let index = 0; index < incoming.rawHeaders.length; index += 2) headers.append(incoming.rawHeaders[index]!, incoming.rawHeaders[index + 1]!);
          resolve({ status: incoming.statusCode!, statusText: incoming.statusMessage ?? "", headers, body: Buffer.concat(chunks).toString("utf8"), url: request.url });
        });
        incoming.on("error", fail);
        incoming.on("close", () => incoming.complete || fail(new Error("the connection closed before the whole response arrived")));
      });
      signal.addEventListener("abort", onAbort);
      outgoing.on("error", fail);
      outgoing.end(request.body);
    });
}

/** One keep-alive agent per protocol for every client of the process, as the global fetch shares its pool. Node unrefs an idle socket, so a process exits once its last call is done. */
function sharedAgent(protocol: string): http.Agent {
  // Idle sockets close after 4 s: servers commonly drop idle connections after 5 s, and sending on one being closed fails.
  if (!agents.has(protocol)) agents.set(protocol, new (httpModule(protocol).Agent)({ keepAlive: true, timeout: 4_000 }));
  return agents.get(protocol)!;
}

import * as http from "node:http";
import * as https from "node:https";
import type { AttemptAbort } from "./attempt-signal.js";
import { bufferedResponse } from "./buffered-response.js";
import type { OutgoingRequest, Transport } from "./transport.js";

/**
 * Idle sockets are closed after this long. Servers commonly drop idle keep-alive connections
 * after 5 s or more; closing first avoids sending on a socket the server is closing. (A
 * `Keep-Alive: timeout=N` from the server shortens it further: Node's agent honours it.)
 */
const IDLE_SOCKET_MS = 4_000;

const sharedAgents = new Map<string, http.Agent>();

/** One keep-alive agent per protocol for every client of the process, as the global fetch shares its pool. */
function sharedAgent(protocol: string): http.Agent {
  let agent = sharedAgents.get(protocol);
  if (!agent) {
    // Node's agent unrefs a socket while it is idle, so a process exits once its last call is done.
    const options = { keepAlive: true, timeout: IDLE_SOCKET_MS };
    agent = protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
    sharedAgents.set(protocol, agent);
  }
  return agent;
}

interface Destination {
  protocol: string;
  hostname: string;
  port: string;
  path: string;
}

/**
 * The transport over `node:http`/`node:https` for a client of `baseUrl`. Requests to the
 * client's own origin skip URL parsing; any other URL (a per-call `baseUrl` on `raw`) is parsed.
 */
export function nodeTransport(baseUrl: string, agent?: http.Agent): Transport {
  const base = new URL(baseUrl);
  const origin = base.origin;
  const { hostname, port } = destinationOf(base);
  return (request, attempt) => {
    const destination = request.url.startsWith(`${origin}/`)
      ? { protocol: base.protocol, hostname, port, path: request.url.slice(origin.length) }
      : destinationOf(new URL(request.url));
    const chosenAgent = agent && destination.protocol === base.protocol ? agent : sharedAgent(destination.protocol);
    return send(destination, chosenAgent, request, attempt);
  };
}

function destinationOf(url: URL): Destination {
  // URL keeps IPv6 hosts in brackets; http.request wants them bare.
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return { protocol: url.protocol, hostname, port: url.port, path: `${url.pathname}${url.search}` };
}

function send(destination: Destination, agent: http.Agent, request: OutgoingRequest, attempt: AttemptAbort): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (attempt.aborted) return reject(attempt.reason);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    // A known length, not chunked encoding: some servers refuse chunked request bodies.
    if (request.body !== undefined) headers["content-length"] = String(byteLength(request.body));
    const { protocol, hostname, port, path } = destination;
    const module = protocol === "https:" ? https : http;
    const outgoing = module.request({ protocol, hostname, port, path, method: request.method, headers, agent }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () => {
        if (settled) return;
        const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        settle();
        resolve(bufferedResponse(incoming.statusCode!, incoming.statusMessage ?? "", headersOf(incoming.rawHeaders), bytes, request.url));
      });
      incoming.on("error", fail);
      incoming.on("close", () => {
        if (!incoming.complete) fail(new Error("the connection closed before the whole response arrived"));
      });
    });
    let settled = false;
    const stopListening = attempt.onAbort((reason) => {
      fail(reason);
      outgoing.destroy();
    });
    function settle() {
      settled = true;
      stopListening();
    }
    function fail(error: unknown) {
      if (settled) return;
      settle();
      reject(error);
    }
    outgoing.on("error", fail);
    outgoing.end(request.body);
  });
}

function byteLength(body: string | Uint8Array): number {
  return typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
}

function headersOf(raw: string[]): Headers {
  const headers = new Headers();
  for (let index = 0; index < raw.length; index += 2) headers.append(raw[index]!, raw[index + 1]!);
  return headers;
}

import type * as Http from "node:http";
import { headersFromRaw } from "../raw-headers.js";

/** The fake served over HTTP. */
export interface FakeServer {
  /** `http://127.0.0.1:<port>` (or the host it was bound to): the base URL to give a client on this machine. */
  readonly url: string;
  readonly port: number;
  /** Stops serving and closes every connection. */
  close(): Promise<void>;
}

/** Who sent a request over HTTP: whether the peer is this machine's loopback. */
export interface Peer {
  loopback: boolean;
}

/** A request served: an answer, or `undefined` to destroy the socket with none. */
export type HttpHandler = (request: Request, peer: Peer) => Promise<Response | undefined>;

/**
 * Serves `handle` on `host` (an address of this machine; 127.0.0.1 reaches only this machine):
 * each HTTP request as a standard `Request` whose URL is on the origin the client asked for (its
 * `Host`, as Django builds absolute links, so a list's `next` link points back here from a
 * container next door too), each answer written as it is; `undefined` destroys the socket with no
 * answer. node:http is reached through `process.getBuiltinModule`, so the package's types need no `@types/node`.
 */
export async function listenOn(
  { port, host }: { port: number; host: string },
  handle: HttpHandler,
): Promise<FakeServer> {
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new RangeError(`listen: the port must be a whole number from 0 to 65535, not ${shown(port)}`);
  const http = process.getBuiltinModule("node:http") as typeof Http;
  const server = http.createServer((incoming, outgoing) => {
    serve(incoming, outgoing).catch((error: unknown) => {
      // A fault of the fake itself: an answer the client can read beats a hung connection.
      if (!outgoing.headersSent) outgoing.writeHead(500, { "content-type": "application/json" });
      outgoing.end(JSON.stringify({ detail: `The fake failed: ${(error as Error)?.message ?? String(error)}` }));
    });
  });

  async function serve(incoming: Http.IncomingMessage, outgoing: Http.ServerResponse): Promise<void> {
    // An absolute-form target (`GET http://host/customers/`) is for proxies; this server serves paths alone.
    if (!incoming.url?.startsWith("/")) {
      outgoing.writeHead(400, { "content-type": "application/json", connection: "close" });
      outgoing.end(JSON.stringify({ detail: "The request target must be a path, such as /customers/." }));
      return;
    }
    const headers = headersFromRaw(incoming.rawHeaders);
    const abort = new AbortController();
    outgoing.once("close", () => abort.abort());
    const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
    const request = new Request(`http://${hostOf(incoming.headers.host)}${incoming.url}`, {
      method: incoming.method,
      headers,
      body: hasBody ? bodyOf(incoming) : undefined,
      signal: abort.signal,
      duplex: "half",
    } as RequestInit);
    const response = await handle(request, { loopback: isLoopback(incoming.socket.remoteAddress ?? "") }).catch(
      (error: unknown) => {
        if (abort.signal.aborted) return undefined;
        throw error;
      },
    );
    if (response === undefined) {
      incoming.socket.destroy();
      return;
    }
    const body = Buffer.from(await response.arrayBuffer());
    // A body left unread (one too large) is not waited for: the connection closes after the answer.
    const closing = incoming.complete ? {} : { connection: "close" };
    outgoing.writeHead(response.status, { ...Object.fromEntries(response.headers), ...closing });
    outgoing.end(body);
  }

  const address = () => (server.address() as { port: number }).port;
  // Where a local client reaches it: a wildcard address (every interface) through loopback.
  const local = () => {
    const name = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
    return `${name.includes(":") ? `[${name}]` : name}:${address()}`;
  };
  /** The `Host` a client sent, when it is one (`piriod-fake:4010`, `[::1]:4010`); else this server's own. */
  const hostOf = (sent: string | undefined) =>
    sent !== undefined && /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/.test(sent) ? sent : local();
  await new Promise<void>((resolve, reject) => {
    // Node's own message ("listen EADDRINUSE: address already in use 127.0.0.1:4010") names no remedy; its code stays for callers that test it.
    const refused = (error: Error & { code?: string }) =>
      reject(
        error.code === "EADDRINUSE"
          ? Object.assign(
              new Error(`listen: port ${port} of ${host} is in use; give another, or 0 for a free one`, {
                cause: error,
              }),
              { code: error.code },
            )
          : error,
      );
    server.once("error", refused);
    server.listen(port, host, () => {
      server.off("error", refused);
      resolve();
    });
  });
  // Closing twice (an afterEach after the test's own close) waits for the same close, not an error.
  let closed: Promise<void> | undefined;
  return {
    url: `http://${local()}`,
    port: address(),
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })),
  };
}

/** A port as a message names it: a value that is no number (a port read from an environment variable) says what it is. */
function shown(port: unknown): string {
  return typeof port === "number"
    ? String(port)
    : `the ${typeof port} ${typeof port === "string" ? `"${port}"` : String(port)}`;
}

/**
 * A request's body as a web stream that reads from the socket only as fast as it is read, and that,
 * cancelled, drops what still comes instead of holding it (closing the socket would lose the answer).
 */
function bodyOf(incoming: Http.IncomingMessage): ReadableStream<Uint8Array> {
  let dropping = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      incoming.pause();
      incoming.on("data", (chunk: Uint8Array) => {
        if (dropping) return;
        controller.enqueue(chunk);
        if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
      });
      incoming.once("end", () => dropping || controller.close());
      incoming.once("close", () => {
        if (!dropping && !incoming.complete) controller.error(new Error("the client closed the connection"));
      });
    },
    pull() {
      incoming.resume();
    },
    cancel() {
      dropping = true;
      incoming.resume();
    },
  });
}

/** Whether an address is this machine's loopback (127.0.0.0/8, ::1, or IPv4 loopback written as IPv6). */
export function isLoopback(address: string): boolean {
  return /^(::ffff:)?127(\.\d{1,3}){3}$/i.test(address) || address === "::1";
}

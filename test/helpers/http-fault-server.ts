import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { defined } from "./defined.ts";

/** How the server answers one request (its body is already read and recorded); `later` runs a step after a delay. */
export type Answer = (
  response: ServerResponse,
  request: IncomingMessage,
  later: (ms: number, then: () => void) => void,
) => void;

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FaultServer {
  url: string;
  /** Every request that reached the server, in order. */
  received: ReceivedRequest[];
  /** Answers the next requests with `answers` in order; the last one repeats. */
  answer(...answers: Answer[]): void;
  close(): Promise<void>;
}

/** A real `node:http` server on 127.0.0.1 at a port the OS picks, answering as a test scripts it. */
export async function startFaultServer(): Promise<FaultServer> {
  const received: ReceivedRequest[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let answers: Answer[] = [json(200, {})];
  const later = (ms: number, then: () => void) => {
    const timer: ReturnType<typeof setTimeout> = setTimeout(() => {
      timers.delete(timer);
      then();
    }, ms);
    timers.add(timer);
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const answer = defined(answers[Math.min(received.length, answers.length - 1)], "an answer to give");
      received.push({
        method: defined(request.method, "the request's method"),
        url: defined(request.url, "the request's URL"),
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      answer(response, request, later);
    });
  });
  // Keeps idle connections open long after a test, so only the client can make a process exit early.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer: (...next) => {
      answers = next;
    },
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export function reply(status: number, text: string, headers: Record<string, string> = {}): Answer {
  return (response) => {
    response.writeHead(status, { "content-length": String(Buffer.byteLength(text)), ...headers });
    response.end(text);
  };
}

export function json(status: number, payload: unknown, headers: Record<string, string> = {}): Answer {
  return reply(status, JSON.stringify(payload), { "content-type": "application/json", ...headers });
}

/** Sends the headers and the start of a body longer than promised, then cuts the connection with a TCP reset. */
export function resetMidBody(): Answer {
  return (response) => {
    response.writeHead(200, { "content-type": "application/json", "content-length": "2000" });
    response.write('{"name": "Comercializadora');
    defined(response.socket, "the response's socket").resetAndDestroy();
  };
}

/** Like `resetMidBody` but closes the connection cleanly: the body just ends short of its Content-Length. */
export function closeMidBody(): Answer {
  return (response) => {
    response.writeHead(200, { "content-type": "application/json", "content-length": "2000" });
    response.write('{"name": "Comercializadora');
    defined(response.socket, "the response's socket").end();
  };
}

/** Waits `ms` before answering at all. */
export function slowHeaders(ms: number, then: Answer = json(200, {})): Answer {
  return (response, request, later) =>
    later(ms, () => {
      if (!response.destroyed) then(response, request, later);
    });
}

/** Sends the headers and part of the body at once, the rest after `ms`. */
export function slowBody(ms: number): Answer {
  return (response, _request, later) => {
    response.writeHead(200, { "content-type": "application/json", "content-length": "16" });
    response.write('{"name": ');
    later(ms, () => {
      if (!response.destroyed) response.end('"late"}');
    });
  };
}

/**
 * Answers a list of `total` items made by `item` (from 1) in pages of `size`, as Piriod does: each
 * page's `next` link on Piriod's own host, with the request's query and the next page number.
 */
export function pagedList(total: number, size: number, item: (number: number) => object): Answer {
  return (response, request) => {
    const url = new URL(defined(request.url, "the request's URL"), "http://localhost");
    const page = Number(url.searchParams.get("page") ?? 1);
    const results = Array.from({ length: Math.max(0, Math.min(size, total - (page - 1) * size)) }, (_, index) =>
      item((page - 1) * size + index + 1),
    );
    url.searchParams.set("page", String(page + 1));
    const next = page * size < total ? `https://api.piriod.com${url.pathname}?${url.searchParams}` : null;
    json(200, { count: total, next, previous: null, results })(response, request, () => {});
  };
}

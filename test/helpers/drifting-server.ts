import { type FakeServer, listenOn } from "../../src/testing/http-server.ts";
import { createPiriodFake, type PiriodFakeOptions } from "../../src/testing/index.ts";

/** What a drift sees of an exchange: the request, and the answer so far, which it may change. */
export interface Exchange {
  method: string;
  /** The path, `/customers/cus_1/`. */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  /** The request's JSON body (undefined for none). */
  sent: unknown;
  status: number;
  /** The JSON body (undefined for none). */
  body: unknown;
}

/** A change to the fake's answers: what the server answers instead, or nothing to keep the answer as it is. */
export type Drift = (exchange: Exchange) => { status?: number; body?: unknown } | undefined;

/**
 * A Piriod that drifts from the spec on purpose: a `fetch` answered by a fake Piriod (on
 * https://api.piriod.com) whose every answer passes through `drifts`, in order.
 */
export function driftingFetch(
  drifts: readonly Drift[],
  options: PiriodFakeOptions = {},
): (request: Request) => Promise<Response> {
  const fake = createPiriodFake(options);
  return async (request) => {
    const url = new URL(request.url);
    const body = request.method === "GET" || request.method === "DELETE" ? undefined : await request.text();
    const answer = await fake.fetch(`https://api.piriod.com${url.pathname}${url.search}`, {
      method: request.method,
      headers: request.headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await answer.text();
    const exchange: Exchange = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      sent: body ? JSON.parse(body) : undefined,
      status: answer.status,
      body: text === "" ? undefined : JSON.parse(text),
    };
    for (const drift of drifts) {
      const changed = drift(exchange);
      if (changed?.status !== undefined) exchange.status = changed.status;
      if (changed && "body" in changed) exchange.body = changed.body;
    }
    const headers = new Headers(answer.headers);
    headers.delete("content-length");
    return new Response(exchange.body === undefined ? null : JSON.stringify(exchange.body), {
      status: exchange.status,
      headers,
    });
  };
}

/** The drifting Piriod served over HTTP on 127.0.0.1 and a free port. */
export function startDriftingServer(drifts: readonly Drift[], options: PiriodFakeOptions = {}): Promise<FakeServer> {
  const fetch = driftingFetch(drifts, options);
  return listenOn({ port: 0, host: "127.0.0.1" }, (request) => fetch(request));
}

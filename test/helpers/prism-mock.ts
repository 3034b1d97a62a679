import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type PrismServer, startPrism } from "../../scripts/lib/prism-server.ts";
import { REPO_ROOT } from "./project-copy.ts";

/** The bundled spec, the one document the mock serves. */
export const SPEC_FILE = path.join(REPO_ROOT, "generated", "openapi.json");

/** A Prism mock of the spec on a free 127.0.0.1 port for the calling suite, stopped by PID after it. */
export function usePrismMock(): () => PrismServer {
  let server: PrismServer | undefined;
  beforeAll(async () => {
    server = await startPrism(SPEC_FILE);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error("the Prism mock is not running (did beforeAll fail?)");
    return server;
  };
}

export interface MockResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or the text when it is not JSON. */
  body: unknown;
}

/** Sends one request and reads the whole answer. */
export async function send(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
): Promise<MockResponse> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: kept as text, so an assertion shows what came back.
  }
  return { status: response.status, headers: response.headers, body };
}

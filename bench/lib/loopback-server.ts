import { startChild, type Placement } from "./child-process.ts";
import type { ClientCall } from "./spec-fixtures.ts";

export interface LoopbackServer {
  baseUrl: string;
  stop(): void;
}

/**
 * Starts bench/child/loopback-server.ts, answering with `call`'s example response, on 127.0.0.1;
 * with `site`, serving that directory's page and scripts too.
 */
export async function startLoopbackServer(call: ClientCall, placement: Placement = {}, site?: string): Promise<LoopbackServer> {
  const { ready, stop } = await startChild<{ port: number }>("loopback-server", { response: call.response, site }, placement);
  return { baseUrl: `http://127.0.0.1:${ready.port}`, stop };
}

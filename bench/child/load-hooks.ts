/** Module hooks that report the URL of every module Node loads to the port given at registration. */
import type { MessagePort } from "node:worker_threads";

let port: MessagePort;

export function initialize(data: { port: MessagePort }): void {
  port = data.port;
}

export async function load(url: string, context: unknown, nextLoad: (url: string, context: unknown) => Promise<unknown>): Promise<unknown> {
  port.postMessage(url);
  return nextLoad(url, context);
}

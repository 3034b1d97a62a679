import { type ClientContext, call } from "../../src/call.js";
import { fetchTransport } from "../../src/fetch-transport.js";
import type { Log } from "../../src/log.js";
import { nodeTransport } from "../../src/node-transport.js";
import type { LoadValidator, Operation } from "../../src/operation.js";
import { type PiriodClientOptions, resolveOptions } from "../../src/options.js";
import { PagePromise } from "../../src/pages.js";
import { PiriodPromise } from "../../src/promises.js";
import { createRedactor } from "../../src/redaction.js";
import type { Transport } from "../../src/transport.js";
import { API_KEY, recordingSleep, WORKSPACE } from "./client-fixtures.ts";

/** A logged event: its level and its message. */
export type Logged = [level: string, message: string];

/**
 * A method of the client for an operation the spec does not have (yet), through the client's own call path and either transport:
 * for behaviour that belongs to a shape of operation (a list, a POST) rather than to one of the spec's.
 */
export function operationMethod(
  operation: Operation,
  options: Partial<PiriodClientOptions> & { transport?: "node" | "fetch" } = {},
) {
  const { transport = "node", ...clientOptions } = options;
  const resolved = resolveOptions({ apiKey: API_KEY, workspace: WORKSPACE, ...clientOptions });
  const logged: Logged[] = [];
  const log: Log = (level, message) => void logged.push([level, message()]);
  const sleep = recordingSleep();
  const chosen: Transport =
    transport === "node" ? nodeTransport(new URL(resolved.baseUrl).protocol) : fetchTransport(resolved.fetch);
  const context: ClientContext = {
    options: resolved,
    transport: chosen,
    sleep,
    redact: createRedactor(resolved.apiKey),
    headers: {},
    log,
  };
  const Promised = operation.paginated ? PagePromise : PiriodPromise;
  const method = (...args: unknown[]) => new Promised(call(context, operation, "widgets.test", args) as Promise<never>);
  return Object.assign(method, { logged, sleep });
}

/** A validator that takes any body, as a list's schema would its pages. */
const accept: LoadValidator = async () => (data) => ({ ok: true, value: data });

/** A list operation the spec does not have, `GET /widgets/`, taking the query parameters `query` names, `arrays` of them as lists. */
export function widgetList(query: readonly string[], arrays: readonly string[] = []): Operation {
  return {
    method: "GET",
    path: "/widgets/",
    pathParams: [],
    query,
    arrays,
    status: 200,
    response: accept,
    paginated: true,
  };
}

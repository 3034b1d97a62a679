/**
 * The ways of sending one call, for the benchmark processes: each returns a `Send` that makes
 * the call described by a `ClientCall` and reads the answer as JSON, as an application would.
 */
import { Agent, request as httpRequest } from "node:http";
import type { ClientCall } from "../lib/spec-fixtures.ts";

export type Send = () => Promise<unknown>;

export interface Target {
  baseUrl: string;
  call: ClientCall;
}

export const API_KEY = "sk_test_bench";
export const WORKSPACE = "acc_01H8XYZ123ABC";

/** The headers every contender sends, as the client sends them. */
export const HEADERS = {
  "content-type": "application/json",
  accept: "application/json",
  authorization: `Token ${API_KEY}`,
  "x-simple-workspace": WORKSPACE,
};

type Method = (...args: unknown[]) => Promise<unknown>;
export type Client = Record<string, Record<string, Method>>;

/**
 * `import "@piriod/api"`, as a consumer in Node writes it. The name is held in a variable so that
 * the import resolves where the benchmark runs (a project with the package installed), not when
 * the repository type-checks, which it does before dist/ is built.
 */
export async function importPackage(): Promise<{ createPiriodClient(options: Record<string, unknown>): Client }> {
  const name = "@piriod/api";
  return import(name);
}

/** The client's `resource.method` (`customers.update`): a name the client lacks stops the benchmark, naming it. */
export function clientMethod(client: Client, resource: string, method: string): Method {
  const invoke = client[resource]?.[method];
  if (!invoke) throw new Error(`the client has no ${resource}.${method}`);
  return invoke;
}

const pathOf = ({ call }: Target) =>
  call.http.path.replace("{id}", encodeURIComponent(call.id ?? "")) +
  (call.query ? `?${new URLSearchParams(call.query)}` : "");
/** The body as each call sends it: serialized per call, as an application holding an object does (the clients all do). */
const payloadOf =
  ({ call }: Target) =>
  (): string | undefined =>
    call.body === undefined ? undefined : JSON.stringify(call.body);

/** A `fetch` call (the global one unless given another). */
export function fetchSender(target: Target, fetch: typeof globalThis.fetch = globalThis.fetch): Send {
  const url = `${target.baseUrl}${pathOf(target)}`;
  const { method } = target.call.http;
  const payload = payloadOf(target);
  return async () => (await fetch(url, { method, headers: HEADERS, body: payload() })).json();
}

/** Our client, from `import "@piriod/api"`, with `options` over the target's base URL and key. */
export async function piriodSender(target: Target, options: Record<string, unknown> = {}): Promise<Send> {
  const { createPiriodClient } = await importPackage();
  const client = createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, baseUrl: target.baseUrl, ...options });
  const { resource, method, id, body, query } = target.call;
  const args = [id, body, query].filter((arg) => arg !== undefined);
  const invoke = clientMethod(client, resource, method);
  return () => invoke(...args);
}

interface AxiosLike {
  create(config: { baseURL: string; headers: Record<string, string> }): {
    request(config: { method: string; url: string; data: unknown }): Promise<{ data: unknown }>;
  };
}

/** axios as Piriod's own SDK uses it: an instance with the base URL and headers, JSON in and out. */
export function axiosSender(axios: AxiosLike, target: Target): Send {
  const instance = axios.create({ baseURL: target.baseUrl, headers: HEADERS });
  const config = { method: target.call.http.method, url: pathOf(target), data: target.call.body };
  return async () => (await instance.request(config)).data;
}

/** `node:http` with a keep-alive agent and nothing else: the transport alone. */
export function nodeHttpSender(target: Target): Send {
  const agent = new Agent({ keepAlive: true });
  const payloadFor = payloadOf(target);
  const url = `${target.baseUrl}${pathOf(target)}`;
  return () =>
    new Promise((resolve, reject) => {
      const payload = payloadFor();
      const headers =
        payload === undefined ? HEADERS : { ...HEADERS, "content-length": String(Buffer.byteLength(payload)) };
      const request = httpRequest(url, { method: target.call.http.method, agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
        response.on("error", reject);
      });
      request.on("error", reject);
      request.end(payload);
    });
}

/**
 * A reader's visit: one fake Piriod, started from the spec's examples, and the package's client
 * sending to it. Every console of the page calls through the same session, so what one creates the
 * others find. Calls run one at a time; each outcome says what the client did and what the fake
 * received.
 */
import type * as Piriod from "../src/index.ts";
import type { createPiriodFake, FakeFault } from "../src/testing/index.ts";
import { argumentList, type CallArguments } from "./input.ts";
import type { ConsoleModel, ConsoleOperation } from "./model.ts";
import { API_KEY_PLACEHOLDER, type SentRequest, WORKSPACE_PLACEHOLDER } from "./request-text.ts";

/** The package as built: its browser entry and `createPiriodFake` of `@piriod/api/testing`. */
export interface ConsolePackage {
  piriod: typeof Piriod;
  createPiriodFake: typeof createPiriodFake;
}

export interface Settings {
  workspace: string;
  testMode: boolean;
  /** The client's `validate.request`: check a body against the schema before sending it. */
  validateRequest: boolean;
}

export type FaultName = "none" | "throttled" | "serverError" | "dropped";

/** What the next call may meet instead of a normal answer, once. */
export const FAULTS: Record<FaultName, { label: string; fault?: FakeFault }> = {
  none: { label: "a normal answer" },
  throttled: {
    label: "429 Too Many Requests, Retry-After: 1",
    fault: { status: 429, headers: { "retry-after": "1" } },
  },
  serverError: { label: "500 Internal Server Error", fault: { status: 500 } },
  dropped: { label: "a dropped connection", fault: { drop: true } },
};

/** A request that reached the fake, as it answered it (status 0: the connection was dropped). */
export interface Received {
  method: string;
  /** The path with its query. */
  target: string;
  status: number;
}

/** A page of a list, and the way to the next. */
export interface PageView {
  number: number;
  count: number;
  items: number;
  next?: () => Promise<Outcome>;
}

interface Trace {
  /** The client's log of the call: each attempt, each retry with its reason and wait, the failure. */
  log: string[];
  received: Received[];
}

export interface Answer {
  kind: "answer";
  status: number;
  headers: [string, string][];
  /** Parsed JSON, else the text; absent for an empty body. */
  body?: unknown;
  page?: PageView;
  /** A 400's errors by field (JSON Pointers), and those bound to none. */
  fieldErrors?: { path: string; message: string }[];
  nonFieldErrors?: string[];
  /** The id of the object a create answered with. */
  created?: string;
}

/** The client refused the call: nothing was sent. */
export interface Refusal {
  kind: "refused";
  message: string;
  errors: { path: string; message: string }[];
}

/** No answer came, after the retries. */
export interface Failure {
  kind: "failed";
  name: string;
  message: string;
}

/** How a call ended, and how it got there. */
export type Outcome = (Answer | Refusal | Failure) & Trace;

export interface Session {
  readonly settings: Settings;
  /** Sends the call; `fault` is what its first attempt meets at the fake. */
  send(operation: ConsoleOperation, args: CallArguments, fault?: FaultName): Promise<Outcome>;
  /** The request the client would send for the call, without sending it; or why it would send none. */
  preview(operation: ConsoleOperation, args: CallArguments): Promise<SentRequest | { problem: string }>;
  /** Reads the object the operation changes and turns it into the operation's body with the converter the spec names. */
  fill(operation: ConsoleOperation, args: CallArguments): Promise<{ body?: string; outcome: Outcome }>;
  /** Forgets every change: the fake holds the spec's examples again. */
  reset(): void;
}

type Method = (...args: unknown[]) => Piriod.PiriodPromise<unknown>;

export function createSession({ piriod, createPiriodFake }: ConsolePackage, model: ConsoleModel): Session {
  const fake = createPiriodFake({ examples: true, workspace: model.workspace });
  const settings: Settings = { workspace: model.workspace, testMode: false, validateRequest: true };
  let log: string[] = [];
  // The fault waits here until the call's first attempt reaches the fake: a call the client refuses leaves none behind.
  let pending: { operation: string; fault: FakeFault } | undefined;
  const record = (message: string) => log.push(message);
  const common = {
    apiKey: "sk_test_console",
    workspace: model.workspace,
    dangerouslyAllowBrowser: true,
    logger: { debug: record, info: record, warn: record, error: record },
    logLevel: "debug" as const,
    fetch: (request: Request) => {
      if (pending) fake.failNext(pending.operation as never, pending.fault);
      pending = undefined;
      return fake.fetch(request);
    },
  };
  const clients = {
    checked: piriod.createPiriodClient(common),
    unchecked: piriod.createPiriodClient({ ...common, validate: { request: false } }),
  };
  const client = () =>
    clients[settings.validateRequest ? "checked" : "unchecked"].withOptions({
      workspace: settings.workspace,
      testMode: settings.testMode,
    });

  async function attempt(
    run: (client: Piriod.PiriodClient) => Promise<Piriod.WithResponse<unknown>>,
    operation: ConsoleOperation,
    pageNumber: number,
  ): Promise<Outcome> {
    log = [];
    const before = fake.requests.length;
    const trace = (): Trace => ({
      log: [...log],
      received: fake.requests.slice(before).map(({ method, path, query, status }) => {
        const search = new URLSearchParams(query).toString();
        return { method, target: search === "" ? path : `${path}?${search}`, status };
      }),
    });
    try {
      const { data, response } = await run(client());
      const body = await bodyOf(response);
      const created = operation.httpMethod === "POST" ? idOf(body) : undefined;
      return {
        kind: "answer",
        status: response.status,
        headers: [...response.headers],
        ...(body !== undefined && { body }),
        ...(data instanceof piriod.Page && { page: pageView(data, operation, pageNumber) }),
        ...(created !== undefined && { created }),
        ...trace(),
      };
    } catch (error) {
      return { ...failure(error), ...trace() };
    } finally {
      pending = undefined;
    }
  }

  const pageView = (page: Piriod.Page<unknown>, operation: ConsoleOperation, number: number): PageView => ({
    number,
    count: page.count,
    items: page.items.length,
    ...(page.hasNextPage() && {
      next: () => attempt(() => page.getNextPage().withResponse(), operation, number + 1),
    }),
  });

  function failure(error: unknown): Answer | Refusal | Failure {
    if (error instanceof piriod.PiriodValidationError)
      return {
        kind: "refused",
        message: error.message,
        errors: error.errors.map(({ path, message }) => ({ path, message })),
      };
    if (error instanceof piriod.PiriodApiError) {
      const drf = error instanceof piriod.PiriodBadRequestError;
      return {
        kind: "answer",
        status: error.status,
        headers: [...error.headers],
        body: error.body,
        ...(drf && { fieldErrors: error.fieldErrors, nonFieldErrors: error.nonFieldErrors }),
      };
    }
    // A misuse the client names (a workspace it cannot send, …) is refused like a bad body.
    if (error instanceof piriod.PiriodError && error.name === "PiriodError")
      return { kind: "refused", message: error.message, errors: [] };
    const { name = "Error", message = String(error) } = (error ?? {}) as Partial<Error>;
    return { kind: "failed", name, message };
  }

  return {
    settings,
    send: (operation, args, fault = "none") => {
      const { fault: chosen } = FAULTS[fault];
      if (chosen) pending = { operation: operation.key, fault: chosen };
      return attempt(
        (client) => methodOf(client, operation)(...argumentList(operation, args)).withResponse(),
        operation,
        Number(args.query?.page ?? 1) || 1,
      );
    },
    preview: async (operation, args) => {
      let sent: SentRequest | undefined;
      const dryRun = piriod.createPiriodClient({
        apiKey: API_KEY_PLACEHOLDER,
        workspace: WORKSPACE_PLACEHOLDER,
        testMode: settings.testMode,
        dangerouslyAllowBrowser: true,
        maxRetries: 0,
        validate: { request: false },
        fetch: async (request) => {
          sent = await sentRequest(request);
          throw new Error("not sent: a preview");
        },
      });
      try {
        await methodOf(dryRun, operation)(...argumentList(operation, args)).withResponse();
      } catch (error) {
        if (sent === undefined) return { problem: (error as Error)?.message ?? String(error) };
      }
      return sent ?? { problem: "the client sent nothing" };
    },
    fill: async (operation, args) => {
      const reader = model.operations.find((candidate) => candidate.key === operation.fill?.from);
      const convert = operation.fill && (piriod as unknown as Record<string, unknown>)[operation.fill.converter];
      if (reader === undefined || typeof convert !== "function")
        return { outcome: { ...failure(new Error(`${operation.key} has no converter`)), log: [], received: [] } };
      let read: unknown;
      const outcome = await attempt(
        async (client) => {
          const result = await methodOf(client, reader)(...argumentList(reader, { path: args.path })).withResponse();
          read = result.data;
          return result;
        },
        reader,
        1,
      );
      if (read === undefined) return { outcome };
      try {
        return { body: JSON.stringify(convert(read), null, 2), outcome };
      } catch (error) {
        return { outcome: { ...failure(error), log: outcome.log, received: outcome.received } };
      }
    },
    reset: () => fake.reset(),
  };
}

function methodOf(client: Piriod.PiriodClient, operation: ConsoleOperation): Method {
  const method = (client as unknown as Record<string, Record<string, Method> | undefined>)[operation.resource]?.[
    operation.method
  ];
  if (typeof method !== "function") throw new Error(`the package's client has no ${operation.key}: build it again`);
  return method;
}

async function sentRequest(request: Request): Promise<SentRequest> {
  const body = request.body === null ? "" : await request.text();
  return {
    method: request.method,
    url: request.url,
    headers: [...request.headers],
    ...(body !== "" && { body }),
  };
}

async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function idOf(body: unknown): string | undefined {
  const id = (body as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? id : undefined;
}

import { checkId, jsonText, refusal } from "./arguments.js";
import { type PiriodApiError, PiriodError } from "./errors.js";
import { failureLevel, withoutUndefined } from "./log.js";
import { describeCall, logPath } from "./message-text.js";
import type { LoadValidator, Operation } from "./operation.js";
import { type CallOptions, type RequestOptions, type ResolvedOptions, resolveRequestOptions } from "./options.js";
import { type Envelope, type ListCall, Page } from "./pages.js";
import { CallResult, type WithResponse } from "./promises.js";
import type { Redactor } from "./redaction.js";
import { type SendContext, send } from "./send.js";
import type { ReceivedResponse } from "./transport.js";

/** What reads a response that failed or was refused, imported by the first one: an app whose calls succeed never loads it. */
const failures = () => import("./api-error.js");

/** What every call of a client shares. */
export interface ClientContext extends SendContext {
  options: ResolvedOptions;
}

/**
 * One call of `operation` (`where` names it in messages: `customers.update`), with the arguments of its generated signature: the path
 * parameters in path order, the body if it takes one, the query if it takes one, then the call's options. Checks the ids and the body,
 * builds the request, sends it with retries, and resolves to the typed data or rejects with a typed error, a bad argument included.
 */
export async function call(
  context: ClientContext,
  operation: Operation,
  where: string,
  args: unknown[],
): Promise<WithResponse<unknown>> {
  const started = Date.now();
  // The URL once it is made: a failure before that logs the operation's path.
  const shown: { url?: string } = {};
  try {
    return await callOnce(context, operation, where, args, shown);
  } catch (error) {
    const { status, requestId, name, message } = error as Partial<PiriodApiError>;
    context.log(
      failureLevel(error),
      () => message ?? String(error),
      () =>
        withoutUndefined({
          operation: where,
          method: operation.method,
          path: shown.url === undefined ? operation.path : logPath(shown.url),
          status,
          requestId: requestId ?? undefined,
          durationMs: Date.now() - started,
          error: name,
        }),
    );
    throw error;
  }
}

/** `call` but for the line that ends a failed call; `shown.url` becomes the URL sent once it is known, read only if a line is logged. */
async function callOnce(
  context: ClientContext,
  operation: Operation,
  where: string,
  args: unknown[],
  shown: { url?: string },
): Promise<WithResponse<unknown>> {
  const { options: client, redact } = context;
  const bodyAt = operation.pathParams.length;
  const queryAt = bodyAt + (operation.body ? 1 : 0);
  let path = operation.path;
  let query: string;
  let options: CallOptions;
  // Imported before the arguments are read, so that a module that fails to load is not taken for an unreadable argument.
  const lists = operation.query ? await import("./lists.js") : undefined;
  try {
    for (const [index, name] of operation.pathParams.entries()) {
      path = path.replace(`{${name}}`, encodeURIComponent(checkId(args[index], name, where)));
    }
    query = lists
      ? lists.serializeQuery(args[queryAt], where, { declared: operation.query, arrays: operation.arrays })
      : "";
    options = resolveRequestOptions(
      args[queryAt + (operation.query ? 1 : 0)] as RequestOptions | undefined,
      client,
      where,
    );
  } catch (error) {
    // Arguments whose reading throws (a getter, a value with no text) are refused as any other bad argument.
    if (error instanceof PiriodError) throw error;
    throw refusal(
      where,
      "the call is refused",
      [
        {
          path: "",
          keyword: "arguments",
          message: `the arguments cannot be read (${(error as Error)?.message ?? error})`,
        },
      ],
      error,
    );
  }
  const text = operation.body ? await jsonBody(args[bodyAt], operation.body, client.validateRequest, where) : undefined;

  const url = `${client.baseUrl}${path}${query ? `?${query}` : ""}`;
  shown.url = url;
  const headers = { ...context.headers, ...options.headers };
  if (text !== undefined) headers["content-type"] = "application/json";
  if (options.testMode) headers["x-piriod-test-mode"] = "true";
  const received = await send(
    context,
    { method: operation.method, url, headers, body: text, maxResponseBytes: client.maxResponseBytes },
    options,
    where,
  );
  // Named in messages only, so the URL is parsed only when something failed.
  const described = () => describeCall(operation.method, url);
  if (received.status < 200 || received.status >= 300)
    throw (await failures()).apiErrorFrom(received, described(), redact);
  const data = operation.response
    ? await responseData(received, operation, client.validateResponse, described, redact)
    : undefined;
  if (!operation.paginated) return new CallResult(data, received);
  const list: ListCall<unknown> = {
    name: where,
    query: args[queryAt] as Record<string, unknown> | undefined,
    signal: options.signal,
    again: (query) => {
      const again = [...args];
      again[queryAt] = query;
      return call(context, operation, where, again) as Promise<WithResponse<Page<unknown>>>;
    },
    redact: redact.text,
  };
  return new CallResult(new Page(data as Envelope<unknown>, list), received);
}

/**
 * The body as the JSON text to send, checked against its schema when `validate` is on. What is checked is that text parsed back, which
 * is what the server reads: a `toJSON` or a class instance cannot slip past the check.
 */
async function jsonBody(body: unknown, load: LoadValidator, validate: boolean, where: string): Promise<string> {
  const text = jsonText(body, where);
  if (!validate) return text;
  const result = (await loadValidator(load))(JSON.parse(text));
  if (!result.ok) throw refusal(where, "the body breaks the schema", result.errors);
  return text;
}

const validators = new Map<LoadValidator, ReturnType<LoadValidator>>();

/** A generated validator, imported on first use: a bundler gives each a chunk of its own, which a client that does not validate never loads. */
function loadValidator(load: LoadValidator): ReturnType<LoadValidator> {
  let loading = validators.get(load);
  if (!loading) {
    // A chunk that failed to load (a network blip in a browser) is tried again by the next call.
    loading = load().catch((error: unknown) => {
      validators.delete(load);
      throw error;
    });
    validators.set(load, loading);
  }
  return loading;
}

/**
 * The data of a 2xx: JSON whatever the validation setting (else refused, the text kept), a list's envelope as Piriod's, and with
 * `validate` on, what its schema promises.
 */
async function responseData(
  received: ReceivedResponse,
  operation: Operation,
  validate: boolean,
  call: () => string,
  redact: Redactor,
): Promise<unknown> {
  if (received.undecodable !== undefined) throw (await failures()).undecodableError(received, call(), redact);
  const contentType = received.headers.get("content-type");
  if (contentType !== null && !/^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(contentType))
    throw (await failures()).notJsonTypeError(received, call(), contentType, redact);
  let data: unknown;
  try {
    data = JSON.parse(received.body);
  } catch {
    throw (await failures()).notJsonError(received, call(), redact);
  }
  const envelope = operation.paginated ? (await import("./lists.js")).envelopeIssues(data) : [];
  if (envelope.length > 0) throw (await failures()).responseValidationError(received, call(), envelope, data, redact);
  if (!validate || !operation.response) return data;
  const result = (await loadValidator(operation.response))(data);
  if (!result.ok) throw (await failures()).responseValidationError(received, call(), result.errors, data, redact);
  return result.value;
}

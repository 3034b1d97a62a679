import type { LoadValidator, Operation } from "../generated/operations.js";
import type { ValidationIssue } from "../generated/validators/runtime.js";
import { apiErrorFrom, describeCall, PiriodError, PiriodResponseValidationError, PiriodValidationError, summarise, type Redactor } from "./errors.js";
import { resolveRequestOptions, type CallOptions, type RequestOptions, type ResolvedOptions } from "./options.js";
import { send, toResponse, type ReceivedResponse, type Sleep, type Transport } from "./send.js";

/** What every call of a client shares. */
export interface ClientContext {
  options: ResolvedOptions;
  transport: Transport;
  sleep: Sleep;
  redact: Redactor;
  /** The headers of every request (lower case), but the test-mode one, which each call decides. */
  headers: Record<string, string>;
}

/**
 * One call of `operation` (`where` names it in messages: `customers.update`), with the arguments of its generated signature: the path
 * parameters in path order, the body if it takes one, the query if it takes one, then the call's options. Checks the ids and the body,
 * builds the request, sends it with retries, and resolves to the typed data or rejects with a typed error, a bad argument included.
 */
export async function call(context: ClientContext, operation: Operation, where: string, args: unknown[]): Promise<WithResponse<unknown>> {
  const { options: client, redact } = context;
  const bodyAt = operation.pathParams.length;
  const queryAt = bodyAt + (operation.body ? 1 : 0);
  let path = operation.path;
  let query: string;
  let options: CallOptions;
  try {
    operation.pathParams.forEach((name, index) => (path = path.replace(`{${name}}`, encodeURIComponent(checkId(args[index], name, where)))));
    query = operation.query ? serializeQuery(args[queryAt] as Record<string, unknown> | undefined) : "";
    options = resolveRequestOptions(args[queryAt + (operation.query ? 1 : 0)] as RequestOptions | undefined, client, where);
  } catch (error) {
    // Arguments whose reading throws (a getter, a value with no text) are refused as any other bad argument.
    if (error instanceof PiriodError) throw error;
    throw refusal(where, "the call is refused", [{ path: "", keyword: "arguments", message: `the arguments cannot be read (${(error as Error)?.message ?? error})` }], error);
  }
  const text = operation.body ? await jsonBody(args[bodyAt], operation.body, client.validateRequest, where) : undefined;

  const url = `${client.baseUrl}${path}${query ? `?${query}` : ""}`;
  const headers = { ...context.headers };
  if (text !== undefined) headers["content-type"] = "application/json";
  if (options.testMode) headers["x-piriod-test-mode"] = "true";
  const received = await send(context.transport, { method: operation.method, url, headers, body: text, maxResponseBytes: client.maxResponseBytes }, options, context.sleep, redact);
  // Named in messages only, so the URL is parsed only when something failed.
  const described = () => describeCall(operation.method, url);
  if (received.status < 200 || received.status >= 300) throw apiErrorFrom(received, described(), redact);
  const data = operation.response ? await responseData(received, operation.response, client.validateResponse, described, redact) : undefined;
  return new CallResult(data, received);
}

/**
 * A query object as Piriod reads it, for the methods and `raw` alike: `undefined` left out, dates as ISO 8601, arrays joined by commas
 * (Django's `__in` lookups), booleans as `true`/`false`, any other value as its text; percent-encoded, but for the commas of a list.
 */
export function serializeQuery(query: Record<string, unknown> | undefined): string {
  const text = (item: unknown) => encodeURIComponent(item instanceof Date ? item.toISOString() : String(item));
  return Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${Array.isArray(value) ? value.map(text).join(",") : text(value)}`)
    .join("&");
}

/**
 * Refuses an id that cannot travel as one path segment. It is percent-encoded (`/`, `?`, `#`, `%`, spaces and non-ASCII arrive intact),
 * but no URL can carry `.` or `..` as a segment, an empty or blank id names nothing, and a lone UTF-16 surrogate has no encoding.
 */
function checkId(id: unknown, name: string, where: string): string {
  let problem: string | undefined;
  if (typeof id !== "string") problem = `must be a string, got ${id === null ? "null" : typeof id}`;
  else if (id.trim() === "") problem = "must not be empty or blank";
  else if (id === "." || id === "..") problem = `cannot be "${id}": no URL can carry it as a path segment`;
  else if (/\p{Surrogate}/u.test(id)) problem = "must be well-formed Unicode (it holds a lone surrogate)";
  if (problem === undefined) return id as string;
  throw refusal(where, "the call is refused", [{ path: "", keyword: name, message: `${name} ${problem}` }]);
}

/**
 * The body as the JSON text to send, checked against its schema when `validate` is on. What is checked is that text parsed back, which
 * is what the server reads: a `toJSON` or a class instance cannot slip past the check.
 */
async function jsonBody(body: unknown, load: LoadValidator, validate: boolean, where: string): Promise<string> {
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (cause) {
    throw refusal(where, "the call is refused", [{ path: "", keyword: "json", message: `the body cannot be written as JSON (${(cause as Error).message})` }], cause);
  }
  if (text === undefined) throw refusal(where, "the call is refused", [{ path: "", keyword: "required", message: "a body is required" }]);
  if (!validate) return text;
  const result = (await loadValidator(load))(JSON.parse(text));
  if (!result.ok) throw refusal(where, "the body breaks the schema", result.errors);
  return text;
}

function refusal(where: string, what: string, errors: ValidationIssue[], cause?: unknown): PiriodValidationError {
  return new PiriodValidationError(`${where}: ${what}, nothing was sent: ${errors.map((issue) => issue.message).join("; ")}`, errors, { cause });
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

/** The data of a 2xx: JSON whatever the validation setting (else refused, the text kept), and with `validate` on, what its schema promises. */
async function responseData(received: ReceivedResponse, load: LoadValidator, validate: boolean, call: () => string, redact: Redactor): Promise<unknown> {
  const refuse = (body: unknown, errors: ValidationIssue[]) =>
    new PiriodResponseValidationError(
      `${call()} answered ${received.status} with a body that is not what the spec promises: ${errors.map((issue) => issue.message).join("; ")}`,
      errors,
      received.status,
      redact.json(body),
      redact.headers(received.headers),
    );
  const contentType = received.headers.get("content-type");
  if (contentType !== null && !/^application\/([\w.+-]*\+)?json\s*(;|$)/i.test(contentType)) {
    throw refuse(received.body, [{ path: "", keyword: "contentType", message: `expected application/json, got ${contentType} (${summarise(redact.text(received.body))})` }]);
  }
  let data: unknown;
  try {
    data = JSON.parse(received.body);
  } catch (error) {
    throw refuse(received.body, [{ path: "", keyword: "json", message: received.body === "" ? "the body is empty" : `the body is not valid JSON (${(error as Error).message})` }]);
  }
  if (!validate) return data;
  const result = (await loadValidator(load))(data);
  if (!result.ok) throw refuse(data, result.errors);
  return result.value;
}

/** A successful call with what came with it. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  /** The `x-request-id` header of the response, to quote when asking Piriod about a call. */
  requestId: string | null;
}

/** A successful call, whose standard `Response` is built only if asked for. */
class CallResult<T> implements WithResponse<T> {
  #response: Response | undefined;
  constructor(
    readonly data: T,
    private readonly received: ReceivedResponse,
  ) {}
  get response(): Response {
    return (this.#response ??= toResponse(this.received));
  }
  get requestId(): string | null {
    return this.received.headers.get("x-request-id");
  }
}

/**
 * What a resource method returns: awaiting it gives the typed data; `.withResponse()` gives the data with the response (status, headers,
 * request id). The call starts at once; the data promise is derived only when awaited, so a caller who uses `.withResponse()` alone is not
 * left with a second, unobserved rejection.
 */
export class PiriodPromise<T> extends Promise<T> {
  readonly #result: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;
  constructor(result: Promise<WithResponse<T>>) {
    super((resolve) => resolve(undefined as T));
    this.#result = result;
  }
  // `then` below never calls the base class, so a derived promise is a plain one.
  static override get [Symbol.species]() {
    return Promise;
  }
  withResponse(): Promise<WithResponse<T>> {
    return this.#result;
  }
  override then<Fulfilled = T, Rejected = never>(
    onFulfilled?: ((value: T) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): Promise<Fulfilled | Rejected> {
    return (this.#data ??= this.#result.then(({ data }) => data)).then(onFulfilled, onRejected);
  }
}

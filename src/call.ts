import {
  apiErrorFrom,
  describeCall,
  PiriodError,
  PiriodResponseValidationError,
  PiriodValidationError,
  type Redactor,
  shorten,
  summarise,
} from "./errors.js";
import type { LoadValidator, Operation } from "./operation.js";
import { type CallOptions, type RequestOptions, type ResolvedOptions, resolveRequestOptions } from "./options.js";
import { CallResult, Page, PagePromise, type WithResponse } from "./promises.js";
import { type ReceivedResponse, type SendContext, send } from "./send.js";
import type { ValidationIssue } from "./validator-runtime.js";

/** What every call of a client shares. */
export interface ClientContext extends SendContext {
  options: ResolvedOptions;
  /** The headers of every request (lower case), but the test-mode one, which each call decides. */
  headers: Record<string, string>;
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
  const { options: client, redact } = context;
  const bodyAt = operation.pathParams.length;
  const queryAt = bodyAt + (operation.body ? 1 : 0);
  let path = operation.path;
  let query: string;
  let options: CallOptions;
  try {
    for (const [index, name] of operation.pathParams.entries()) {
      path = path.replace(`{${name}}`, encodeURIComponent(checkId(args[index], name, where)));
    }
    query = operation.query ? serializeQuery(checkQuery(args[queryAt], operation.query, where)) : "";
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
  const headers = { ...context.headers };
  if (text !== undefined) headers["content-type"] = "application/json";
  if (options.testMode) headers["x-piriod-test-mode"] = "true";
  const received = await send(
    context,
    { method: operation.method, url, headers, body: text, maxResponseBytes: client.maxResponseBytes },
    options,
  );
  // Named in messages only, so the URL is parsed only when something failed.
  const described = () => describeCall(operation.method, url);
  if (received.status < 200 || received.status >= 300) throw apiErrorFrom(received, described(), redact);
  const data = operation.response
    ? await responseData(received, operation.response, client.validateResponse, described, redact)
    : undefined;
  if (!operation.paginated) return new CallResult(data, received);
  // The next page: this call again, its query given the page number Piriod's `next` link names.
  const nextPage = (page: number) => {
    const again = [...args];
    again[queryAt] = { ...(args[queryAt] as object | undefined), page };
    return new PagePromise(call(context, operation, where, again) as Promise<WithResponse<Page<unknown>>>);
  };
  return new CallResult(new Page(data as ConstructorParameters<typeof Page>[0], nextPage), received);
}

/**
 * A query object as Piriod reads it, for the methods and `raw` alike: `undefined` left out, dates as ISO 8601, arrays joined by commas
 * (Django's `__in` lookups), booleans as `true`/`false`, any other value as its text; percent-encoded, but for the commas of a list.
 */
export function serializeQuery(query: Record<string, unknown> | undefined): string {
  const text = (item: unknown) => encodeURIComponent(item instanceof Date ? item.toISOString() : String(item));
  return Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined)
    .map(
      ([key, value]) => `${encodeURIComponent(key)}=${Array.isArray(value) ? value.map(text).join(",") : text(value)}`,
    )
    .join("&");
}

/**
 * Refuses a query key the operation does not declare: Piriod's filters ignore one they do not know, and a misspelt filter would
 * answer with everything (which a `delete` in a loop would then delete).
 */
function checkQuery(query: unknown, known: readonly string[], where: string): Record<string, unknown> | undefined {
  if (query === undefined) return undefined;
  if (typeof query !== "object" || query === null || Array.isArray(query))
    throw refusal(where, "the call is refused", [
      { path: "", keyword: "query", message: "the query must be an object of parameters" },
    ]);
  const declared = (key: string) =>
    known.some(
      (name) => name === key || (name.endsWith("*") && key.startsWith(name.slice(0, -1)) && key.length >= name.length),
    );
  const unknown = Object.keys(query).filter((key) => !declared(key));
  if (unknown.length === 0) return query as Record<string, unknown>;
  const message = `unknown query parameter ${unknown.map((key) => `"${shorten(key)}"`).join(", ")}; the parameters are ${known.join(", ")}`;
  throw refusal(where, "the call is refused", [{ path: "", keyword: "query", message }]);
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
    throw refusal(
      where,
      "the call is refused",
      [{ path: "", keyword: "json", message: `the body cannot be written as JSON (${(cause as Error).message})` }],
      cause,
    );
  }
  if (text === undefined)
    throw refusal(where, "the call is refused", [{ path: "", keyword: "required", message: "a body is required" }]);
  if (!validate) return text;
  const result = (await loadValidator(load))(JSON.parse(text));
  if (!result.ok) throw refusal(where, "the body breaks the schema", result.errors);
  return text;
}

function refusal(where: string, what: string, errors: ValidationIssue[], cause?: unknown): PiriodValidationError {
  return new PiriodValidationError(
    `${where}: ${what}, nothing was sent: ${errors.map((issue) => issue.message).join("; ")}`,
    errors,
    { cause },
  );
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
async function responseData(
  received: ReceivedResponse,
  load: LoadValidator,
  validate: boolean,
  call: () => string,
  redact: Redactor,
): Promise<unknown> {
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
    throw refuse(received.body, [
      {
        path: "",
        keyword: "contentType",
        message: `expected application/json, got ${contentType} (${summarise(redact.text(received.body))})`,
      },
    ]);
  }
  let data: unknown;
  try {
    data = JSON.parse(received.body);
  } catch (error) {
    throw refuse(received.body, [
      {
        path: "",
        keyword: "json",
        message:
          received.body === "" ? "the body is empty" : `the body is not valid JSON (${(error as Error).message})`,
      },
    ]);
  }
  if (!validate) return data;
  const result = (await loadValidator(load))(data);
  if (!result.ok) throw refuse(data, result.errors);
  return result.value;
}

import { PiriodError } from "../root-errors.js";

/**
 * A misbehaviour for `fake.failNext`: a status with a body and headers (a JSON body for an object,
 * a text for a string: HTML when it starts with `<`), a delay before answering (then normal
 * service, or the status, or the drop), a connection dropped with no answer, or headers alone,
 * added to the operation's own valid answer (`{ headers: { "x-request-id": "req_1" } }`).
 */
export interface FakeFault {
  /** Answer with this status (200–599) instead of serving the operation. */
  status?: number;
  /** The answer's body: an object is sent as JSON, a string as it is. Default: Django's page for a 5xx, DRF's `{ detail }` for another status. */
  body?: unknown;
  /**
   * Headers of the answer, such as `{ "retry-after": "2" }`: valid names and values, and neither `content-length` nor
   * `transfer-encoding`. Without a status, added to the operation's own answer, whose body stays.
   */
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering (or dropping), up to 2³¹ − 1 (some 24.8 days). */
  delay?: number;
  /** Close the connection without an answer: `fetch` rejects, a server destroys the socket, MSW answers a network error. */
  drop?: boolean;
}

/** Faults waiting for their operation, each used once, in the order given. */
export class FaultQueue {
  #waiting = new Map<string, FakeFault[]>();

  add(operation: string, known: readonly string[], fault: FakeFault): void {
    if (!known.includes(operation))
      throw new PiriodError(`failNext: no operation "${String(operation)}"; the spec has ${known.join(", ")}`);
    checkFault(fault);
    this.#waiting.set(operation, [...(this.#waiting.get(operation) ?? []), { ...fault }]);
  }

  take(operation: string): FakeFault | undefined {
    return this.#waiting.get(operation)?.shift();
  }

  clear(): void {
    this.#waiting.clear();
  }
}

/** The longest wait a timer keeps: a longer one would fire at once. */
const MAX_DELAY_MS = 2 ** 31 - 1;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** What an HTTP header's value may hold: no line break, NUL or other control character (which would split the answer). */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** Headers that frame the answer: the fake writes them itself, and another value would garble it. */
const FRAMING = ["content-length", "transfer-encoding"];

/** Refuses a fault the fake could not serve as asked, when it is asked, naming the rule. */
function checkFault(fault: FakeFault): void {
  const fail = (rule: string) => new PiriodError(`failNext: ${rule}`);
  if (fault === null || typeof fault !== "object")
    throw fail("the fault must be an object: { status }, { delay }, { drop: true } or { headers }");
  const { status, delay, drop, headers, body } = fault;
  if (status === undefined && delay === undefined && drop !== true && headers === undefined)
    throw fail("the fault needs a status, a delay, drop: true or headers");
  // A 1xx is no answer: it only announces one, and an HTTP client waits on for the real status.
  if (status !== undefined && (!Number.isInteger(status) || status < 200 || status > 599))
    throw fail(`status must be a whole number from 200 to 599, not ${String(status)}`);
  if (status !== undefined && drop === true) throw fail("a dropped connection has no status: pass one or the other");
  if (delay !== undefined && (typeof delay !== "number" || !(delay >= 0) || !(delay <= MAX_DELAY_MS)))
    throw fail(`delay must be a number of milliseconds from 0 to ${MAX_DELAY_MS}, not ${String(delay)}`);
  if (headers !== undefined) {
    if (headers === null || typeof headers !== "object") throw fail("headers must be an object of strings");
    for (const [name, value] of Object.entries(headers)) {
      if (!HEADER_NAME.test(name)) throw fail(`headers: ${JSON.stringify(name)} is not a valid header name`);
      if (FRAMING.includes(name.toLowerCase()))
        throw fail(`headers: "${name}" frames the answer, and the fake writes it itself`);
      if (typeof value !== "string") throw fail("headers must be an object of strings");
      if (!HEADER_VALUE.test(value))
        throw fail(`headers: the value of "${name}" must be a string without line breaks or control characters`);
    }
  }
  if (body !== undefined && typeof body !== "string") {
    try {
      JSON.stringify(body);
    } catch (error) {
      throw fail(`body must be a string or a value JSON can write: ${(error as Error).message}`);
    }
  }
  if (headers !== undefined && drop === true) throw fail("a dropped connection has no headers: pass one or the other");
}

/** `response` with `headers` over its own, its status and body kept. */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) merged.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}

/** The answer a fault with a status gives. */
export function faultResponse(fault: FakeFault & { status: number }): Response {
  const headers = new Headers(fault.headers);
  let body = fault.body ?? defaultBody(fault.status);
  if (typeof body === "string") {
    if (!headers.has("content-type"))
      headers.set(
        "content-type",
        body.trimStart().startsWith("<") ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
      );
  } else {
    body = JSON.stringify(body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  // A status that carries no body (204, 304) is sent without one.
  return new Response([204, 205, 304].includes(fault.status) ? null : (body as string), {
    status: fault.status,
    headers,
  });
}

function defaultBody(status: number): unknown {
  // Django's own page for a server error, which Piriod's front servers send for a 5xx.
  if (status >= 500)
    return `<!doctype html>\n<html lang="en">\n<head>\n  <title>Server Error (${status})</title>\n</head>\n<body>\n  <h1>Server Error (${status})</h1><p></p>\n</body>\n</html>\n`;
  return { detail: status === 429 ? "Request was throttled." : `The fake answered ${status} as asked.` };
}

import { readBody } from "../testing/request-body.js";

/** A request of a step, the same for both sides but for the ids in its path. */
export interface StepRequest {
  method: string;
  /** The path with `{id}` where the role's id goes. */
  path: string;
  /** Whose id fills `{id}`: a role such as `customers#1`, or a literal id no object has. */
  id?: { role: string } | { literal: string };
  query?: [string, string][];
  body?: unknown;
  /** Headers over the usual ones; `null` leaves one out. */
  headers?: Record<string, string | null>;
}

/** What one side answered. */
export interface Answer {
  status: number;
  /** The parsed JSON body; the text when it is no JSON; undefined for none. */
  body: unknown;
  json: boolean;
  requestId: string | null;
}

/** How a side is reached: its base URL and the `fetch` that sends there. */
export interface Side {
  name: string;
  baseUrl: string;
  fetch: (request: Request) => Promise<Response>;
  /** The ids of the objects of each role, on this side. */
  ids: Map<string, string>;
}

/** An answer is read up to this many bytes: a page of a list is some kilobytes, and a side is not trusted to stop. */
const MAX_ANSWER_BYTES = 4 * 2 ** 20;
const TIMEOUT_MS = 30_000;

/** Sends `request` to `side` with `headers` (the key, the workspace, test mode) and reads its answer, or says why there is none. */
export async function exchange(
  side: Side,
  request: StepRequest,
  headers: Record<string, string>,
): Promise<Answer | { failure: string }> {
  const id =
    request.id === undefined ? undefined : "role" in request.id ? side.ids.get(request.id.role) : request.id.literal;
  if (request.id !== undefined && id === undefined) return { failure: "no id: the object was not made" };
  const url = new URL(`${side.baseUrl}${request.path.replace("{id}", encodeURIComponent(id ?? ""))}`);
  for (const [name, value] of request.query ?? []) url.searchParams.append(name, value);
  const sent: Record<string, string> = { accept: "application/json" };
  for (const [name, value] of Object.entries({ ...headers, ...request.headers }))
    if (value !== null) sent[name] = value;
  if (request.body !== undefined) sent["content-type"] = "application/json";
  let response: Response;
  try {
    response = await side.fetch(
      new Request(url, {
        method: request.method,
        headers: sent,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        redirect: "manual",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      }),
    );
  } catch (error) {
    return { failure: `no answer: ${(error as Error).message}` };
  }
  const bytes = await readBody(response.body, MAX_ANSWER_BYTES).catch(() => undefined);
  if (bytes === undefined) return { failure: `an answer over ${MAX_ANSWER_BYTES} bytes, or cut short` };
  const text = new TextDecoder().decode(bytes);
  let body: unknown = text === "" ? undefined : text;
  let json = false;
  try {
    if (text !== "") {
      body = JSON.parse(text);
      json = true;
    }
  } catch {
    // Kept as text: the check says it is no JSON.
  }
  return { status: response.status, body, json, requestId: response.headers.get("x-request-id") };
}

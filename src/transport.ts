/** One attempt's request, as a transport sends it; header names in lower case. A response body past `maxResponseBytes` is refused. */
export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  maxResponseBytes: number;
}

/** A response whose body has fully arrived (as text, `""` when none): read whole within the attempt, whose timeout covers it. */
export interface ReceivedResponse {
  status: number;
  statusText: string;
  headers: Headers;
  body: string;
  url: string;
  /** The charset of a body this platform cannot decode, left unread (`body` is `""`). */
  undecodable?: string;
}

/** Sends one attempt; resolves once the whole response has arrived, rejects when the connection fails or `signal` aborts, body included. */
export type Transport = (request: OutgoingRequest, signal: AbortSignal) => Promise<ReceivedResponse>;

/** Statuses whose responses have no body: a standard `Response` refuses one. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** A received response as a standard `Response` (for `raw` and `.withResponse()`), keeping the URL it came from, as a fetched one does. */
export function toResponse({ status, statusText, headers, body, url }: ReceivedResponse): Response {
  return Object.defineProperty(
    new Response(NULL_BODY_STATUSES.has(status) ? null : body, { status, statusText, headers }),
    "url",
    { value: url },
  );
}

import type { ClientRuntime } from "./client.js";
import { requestClass } from "./request-class.js";
import { standardRequestWithParts } from "./request-parts.js";
import { globalFetchTransport, standardResponse } from "./transport.js";

/** The class openapi-fetch builds requests with in a browser: the standard one, native there, remembering the body it was built from. */
const BrowserRequest = requestClass(standardRequestWithParts);

/**
 * How the browser entry sends: through the global `fetch`, with the browser's own `Request` and
 * `Response`. Nothing here stands in for them (their classes are native and cheap), so a browser
 * app carries none of the light classes, nor what makes middleware get standard requests.
 */
export const browserRuntime: ClientRuntime = {
  requests: () => ({ Request: BrowserRequest }),
  respond: standardResponse,
  defaultTransport: () => globalFetchTransport(standardResponse),
};

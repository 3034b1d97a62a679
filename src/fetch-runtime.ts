import type { ClientRuntime } from "./client.js";
import { lightRequests } from "./middleware-requests.js";
import type { BuildRequest } from "./request-class.js";
import { standardRequestWithParts } from "./request-parts.js";
import { globalFetchTransport, standardResponse, type RespondWith } from "./transport.js";

type LightClasses = typeof import("./light-classes.js");

/** The light classes, once loaded; until then, and always where the standard ones are native, the standard ones serve. */
let light: LightClasses | undefined;
let loading: Promise<unknown> | undefined;

/**
 * Whether this runtime's `Request` and `Response` are written in JavaScript (Node's undici, and
 * the runtimes that present themselves as Node), where building one costs more than the rest of
 * a call. A browser's are native and cheap: there the light classes would only add bytes.
 */
function standardClassesAreCostly(): boolean {
  return typeof (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node === "string";
}

function loadLightClasses(): void {
  loading ??= import("./light-classes.js").then(
    (module) => (light = module),
    () => (loading = undefined),
  );
}

/** How requests are built: light once the light classes have loaded, standard before. */
const buildRequest: BuildRequest = (input, init) => (light ? (new light.LightRequest(input, init) as unknown as Request) : standardRequestWithParts(input, init));

const respond: RespondWith = (status, statusText, headers, bytes, url) =>
  light ? light.bufferedResponse(status, statusText, headers, bytes, url) : standardResponse(status, statusText, headers, bytes, url);

/** How the fetch entry (Deno, Bun, and runtimes without an entry of their own) sends: through the global `fetch`. */
export const fetchRuntime: ClientRuntime = {
  requests: () => lightRequests(buildRequest),
  respond,
  defaultTransport() {
    if (standardClassesAreCostly()) loadLightClasses();
    return globalFetchTransport(respond);
  },
};

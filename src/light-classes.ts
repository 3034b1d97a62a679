/**
 * The light stand-ins for `Request` and `Response`, as one module: the fetch entry loads it in the
 * background where the standard classes are written in JavaScript and costly, never in browsers.
 */
export { bufferedResponse } from "./buffered-response.js";
export { LightRequest } from "./light-request.js";

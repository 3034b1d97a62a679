/**
 * How a request built by the client hands the retrying fetch what it was built from: its body as
 * given, and its signal. Reading a standard request's body back is asynchronous (in a browser it
 * costs the call several task hops) and yields bytes the client gave as a string in the first place.
 */

/**
 * What the retrying fetch takes from a request. (`RequestInit` rather than `BodyInit`, which only
 * the DOM library declares: Node projects type-check this.)
 */
export interface RequestParts {
  body: RequestInit["body"];
  signal: AbortSignal | undefined;
}

/** The key of the method that hands the parts over; registered by name, so that every copy of the package agrees on it. */
export const REQUEST_PARTS = Symbol.for("piriod.requestParts");

/** The parts of `request` if the client built it (a middleware may have replaced it): `undefined` otherwise. */
export function partsOf(request: Request): RequestParts | undefined {
  return (request as { [REQUEST_PARTS]?: () => RequestParts })[REQUEST_PARTS]?.();
}

/**
 * A standard `Request` that remembers the body and signal it was built with, when the body can be
 * re-sent as given (none, or a string: what openapi-fetch makes of a JSON body). Another body
 * (a `FormData`, whose boundary the standard request chooses) is read back from the request.
 */
export function standardRequestWithParts(input: string | URL, init?: RequestInit): Request {
  const request = new Request(input, init);
  const body = init?.body;
  if (body === undefined || body === null || typeof body === "string") {
    const parts: RequestParts = { body, signal: init?.signal ?? undefined };
    Object.defineProperty(request, REQUEST_PARTS, { value: () => parts });
  }
  return request;
}

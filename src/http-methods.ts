/**
 * The HTTP methods an OpenAPI path item may hold an operation under, in the order OpenAPI lists them: what the generator reads a
 * spec's operations by, and the methods of `piriod.raw` (upper case there, as openapi-fetch names them).
 */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];

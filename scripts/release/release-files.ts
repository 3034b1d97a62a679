/** Where the last release is kept, for the breaking-change gate to compare against. */
export const RELEASED_SPEC = "release/openapi.json";
/** The consumer code of the last release, type-checked against every new build. */
export const RELEASE_CONSUMER = "release/consumer.ts";
export const SPEC_ROOT = "openapi/openapi.yaml";

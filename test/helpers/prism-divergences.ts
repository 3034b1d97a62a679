import type { ExpectedIssue } from "./conformance-corpus.ts";

/** A corpus case on which Prism's mock gives the other verdict, and what it does instead. */
export interface PrismDivergence {
  /** The corpus case, by name. */
  name: string;
  /** The fault Prism reports for a valid case it refuses, or "accepts" for an invalid case it takes. */
  prism: ExpectedIssue | "accepts";
  why: string;
}

/**
 * Where Prism's mock of the spec (test/helpers/prism-mock.ts) and the corpus disagree. Prism
 * checks formats with its own ajv-formats (2.1.1, a dependency of @stoplight/prism-http), whose
 * `email` and `uri` patterns are not RFC 5321's and RFC 3986's, which the corpus, the generated
 * validators and the oracle follow.
 * Pinned as test/conformance/known-divergences.json is: the contract test expects Prism's verdict
 * on these cases, so a Prism that starts to agree fails it, asking for the entry to go.
 */
export const PRISM_DIVERGENCES: PrismDivergence[] = [
  ...[
    "CustomerUpdate: email at a host name without a dot (RFC 5321 takes a single label)",
    "CustomerUpdate: email with a quoted local part holding a space",
    "CustomerUpdate: email with a quoted local part holding an escaped quote and an @",
    "CustomerUpdate: email at an IPv4 address literal",
    "CustomerUpdate: email at an IPv6 address literal",
  ].map((name) => ({
    name,
    prism: { path: "/email", keyword: "format" },
    why: "ajv-formats' email is dot-atoms at a domain of two labels or more: no quoted local part, single label or address literal.",
  })),
  ...[
    "CustomerUpdate: website with an empty path and a query (mailto:?to=…)",
    "CustomerUpdate: website that is a scheme alone (https:, an empty path)",
  ].map((name) => ({
    name,
    prism: { path: "/website", keyword: "format" },
    why: "ajv-formats' uri wants a path, an authority or a slash after the scheme; RFC 3986's path may be empty.",
  })),
  {
    name: "CustomerUpdate: website with a port that is not a number",
    prism: "accepts",
    why: "ajv-formats 2.1.1's uri takes https://andes.cl:80a/; RFC 3986's port is digits only.",
  },
];

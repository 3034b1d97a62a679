// What a list call needs beyond what every call does, in one module imported by the first call with a query (every list takes one):
// the rules of a query, and the rules that end a list. One module, not two, since they are always needed together.

export { checkItemCount, envelopeIssues, linkedPageNumber } from "./list-rules.js";
export { serializeQuery } from "./query.js";

import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./project-copy.ts";

/** A delivery signed by Python as Piriod's guide signs it (test/webhooks/fixtures/make-vectors.py). */
export interface WebhookVector {
  name: string;
  secret: string;
  /** The body as sent. */
  body: string;
  /** The text Python signed: the parsed body's values through str(), joined. Absent when Python could not sign it. */
  signed?: string;
  /** Python's hex digest of `signed`. */
  signature?: string;
  /** Why Python could not sign the body. */
  error?: string;
}

export const VECTORS_FILE = path.join(REPO_ROOT, "test", "webhooks", "fixtures", "vectors.json");

export const webhookVectors: WebhookVector[] = (
  JSON.parse(readFileSync(VECTORS_FILE, "utf8")) as { vectors: WebhookVector[] }
).vectors;

/** The vector of that name; a test names vectors the fixture must hold. */
export function webhookVector(name: string): WebhookVector {
  const found = webhookVectors.find((vector) => vector.name === name);
  if (found === undefined) throw new Error(`test/webhooks/fixtures/vectors.json has no vector "${name}"`);
  return found;
}

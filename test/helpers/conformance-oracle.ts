import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { registerSchema, validate as validate2020 } from "@hyperjump/json-schema/draft-2020-12";
import { setShouldValidateFormat, validate } from "@hyperjump/json-schema/openapi-3-1";
import "@hyperjump/json-schema/formats";
import { REPO_ROOT } from "./project-copy.ts";

// hyperjump treats `format` as an annotation unless told otherwise; the contract means it as a rule.
setShouldValidateFormat(true);

const SPEC_URI = pathToFileURL(path.join(REPO_ROOT, "generated", "openapi.json")).href;

export type Oracle = (payload: unknown) => boolean;

/**
 * The verdict of an independent JSON Schema 2020-12 implementation (hyperjump, through its
 * OpenAPI 3.1 dialect) on a component schema, read by it from the bundled spec itself: it shares
 * no code, no compilation and no format checks with the generated validators.
 */
export async function oracleFor(schema: string): Promise<Oracle> {
  const validator = await validate(`${SPEC_URI}#/components/schemas/${encodeURIComponent(schema)}`);
  return (payload) => validator(payload as Parameters<typeof validator>[0]).valid;
}

/** The oracle's verdict on a string, or "throws" where it gives none (a form of the RFC it does not support). */
export type FormatOracle = (value: string) => boolean | "throws";

const registered = new Set<string>();

/** The oracle's check of one `format`, through a schema holding only that keyword. */
export async function formatOracle(format: string): Promise<FormatOracle> {
  const uri = `https://piriod.test/conformance/format/${encodeURIComponent(format)}`;
  if (!registered.has(uri)) {
    registerSchema({ $schema: "https://json-schema.org/draft/2020-12/schema", format }, uri);
    registered.add(uri);
  }
  const validator = await validate2020(uri);
  return (value) => {
    try {
      return validator(value).valid;
    } catch {
      return "throws";
    }
  };
}

/** A payload on which the generated validator and the oracle are known to disagree, and why. */
export interface KnownDivergence {
  name: string;
  schema: string;
  payload: unknown;
  generated: boolean;
  oracle: boolean;
  why: string;
}

export const KNOWN_DIVERGENCES_FILE = path.join(REPO_ROOT, "test", "conformance", "known-divergences.json");

export function loadKnownDivergences(file = KNOWN_DIVERGENCES_FILE): KnownDivergence[] {
  const where = path.relative(REPO_ROOT, file);
  const { divergences } = JSON.parse(readFileSync(file, "utf8")) as { divergences?: unknown };
  if (!Array.isArray(divergences)) throw new Error(`${where}: must hold a "divergences" array`);
  return divergences.map((entry: Partial<KnownDivergence>, index) => {
    const complete =
      typeof entry.name === "string" &&
      typeof entry.schema === "string" &&
      Object.hasOwn(entry, "payload") &&
      typeof entry.generated === "boolean" &&
      typeof entry.oracle === "boolean" &&
      typeof entry.why === "string" &&
      entry.why !== "";
    if (!complete)
      throw new Error(
        `${where}, entry #${index + 1} ${entry.name ?? ""}: needs name, schema, payload, generated, oracle and why`,
      );
    if (entry.generated === entry.oracle)
      throw new Error(
        `${where}, "${entry.name}": generated and oracle agree, so it is no divergence: move it to the corpus`,
      );
    return entry as KnownDivergence;
  });
}

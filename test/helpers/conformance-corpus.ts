import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ValidationResult } from "../../generated/validators.js";
import * as generatedValidators from "../../generated/validators.js";
import { REPO_ROOT } from "./project-copy.ts";

/** Where the labelled samples live: every `*.json` file below it is part of the corpus. */
export const CORPUS_DIR = path.join(REPO_ROOT, "test", "conformance", "corpus");

/** A fault a validator must report: where (a JSON Pointer) and which keyword. */
export interface ExpectedIssue {
  path: string;
  keyword: string;
}

/** One labelled sample, as read from a corpus file. */
export interface CorpusCase {
  /** The file it came from, relative to the repository when it is inside it. */
  file: string;
  name: string;
  /** A component schema of the spec, e.g. `CustomerUpdate`; its validator is `validate<schema>`. */
  schema: string;
  payload: unknown;
  valid: boolean;
  /** Every issue the validator must report for an invalid case; `[]` for a valid one. */
  errors: ExpectedIssue[];
  /** Overrides the type-agreement rule where a case's keyword cannot tell it (see the corpus README). */
  typescript?: { verdict: "compiles" | "errors"; because: string };
}

export type SchemaValidator = (data: unknown) => ValidationResult<unknown>;

/** Every validator `generated/validators.js` exports, by schema name (`validateCustomer` → `Customer`). */
export function schemaValidators(): Map<string, SchemaValidator> {
  const found = new Map<string, SchemaValidator>();
  for (const [name, value] of Object.entries(generatedValidators)) {
    const schema = name.match(/^validate([A-Z]\w*)$/)?.[1];
    if (schema && typeof value === "function") found.set(schema, value as SchemaValidator);
  }
  return found;
}

/** Corpus files are data edited by hand: any mistake must stop the run, naming where it is. */
export class CorpusError extends Error {
  override name = "CorpusError";
}

const CASE_FIELDS = ["name", "schema", "payload", "valid", "errors", "typescript", "because"];
const FILE_FIELDS = ["description", "cases"];

/** Reads and checks every corpus file below `dir`; throws a `CorpusError` at the first mistake. */
export function loadCorpus(dir: string = CORPUS_DIR, validators = schemaValidators()): CorpusCase[] {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".json"))
    .sort();
  if (files.length === 0) throw new CorpusError(`${displayPath(dir)}: no corpus file (*.json)`);
  const cases: CorpusCase[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    for (const entry of readCorpusFile(path.join(dir, name), validators)) {
      const first = seen.get(entry.name);
      if (first !== undefined)
        throw new CorpusError(
          `${entry.file}, case "${entry.name}": the name is already used in ${first}; names must be unique`,
        );
      seen.set(entry.name, entry.file);
      cases.push(entry);
    }
  }
  return cases;
}

function readCorpusFile(file: string, validators: Map<string, SchemaValidator>): CorpusCase[] {
  const where = displayPath(file);
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CorpusError(`${where}: not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(document) || !Array.isArray(document.cases))
    throw new CorpusError(`${where}: must be an object with a "cases" array`);
  const extra = Object.keys(document).filter((key) => !FILE_FIELDS.includes(key));
  if (extra.length > 0)
    throw new CorpusError(`${where}: unknown field "${extra[0]}" (a file has ${FILE_FIELDS.join(", ")})`);
  if (document.cases.length === 0) throw new CorpusError(`${where}: "cases" is empty`);
  return document.cases.map((entry, index) => readCase(entry, `${where}, case #${index + 1}`, where, validators));
}

function readCase(
  entry: unknown,
  position: string,
  file: string,
  validators: Map<string, SchemaValidator>,
): CorpusCase {
  if (!isObject(entry)) throw new CorpusError(`${position}: must be an object`);
  if (typeof entry.name !== "string" || entry.name.trim() === "")
    throw new CorpusError(`${position}: "name" must be a non-empty string`);
  const fail = (problem: string): never => {
    throw new CorpusError(`${file}, case "${entry.name}": ${problem}`);
  };
  const extra = Object.keys(entry).filter((key) => !CASE_FIELDS.includes(key));
  if (extra.length > 0) fail(`unknown field "${extra[0]}" (a case has ${CASE_FIELDS.join(", ")})`);
  if (typeof entry.schema !== "string") fail(`"schema" must be the name of a component schema`);
  const schema = entry.schema as string;
  if (!validators.has(schema))
    fail(
      `schema "${schema}" has no validator in generated/validators.js (there are: ${[...validators.keys()].join(", ")})`,
    );
  if (!Object.hasOwn(entry, "payload")) fail(`"payload" is missing`);
  if (typeof entry.valid !== "boolean") fail(`"valid" must be true or false`);
  const found: CorpusCase = {
    file,
    name: entry.name,
    schema,
    payload: entry.payload,
    valid: entry.valid as boolean,
    errors: [],
  };
  if (found.valid && entry.errors !== undefined) fail(`a valid case lists no "errors"`);
  if (!found.valid) found.errors = readErrors(entry.errors, fail);
  if (entry.typescript !== undefined || entry.because !== undefined) found.typescript = readOverride(entry, fail);
  return found;
}

function readErrors(errors: unknown, fail: (problem: string) => never): ExpectedIssue[] {
  if (!Array.isArray(errors) || errors.length === 0)
    fail(`an invalid case lists its "errors": [{ "path": "/field", "keyword": "…" }, …]`);
  return (errors as unknown[]).map((error, index) => {
    const ok = isObject(error) && Object.keys(error).sort().join() === "keyword,path";
    if (
      !ok ||
      typeof error.path !== "string" ||
      !/^(\/.*)?$/.test(error.path) ||
      typeof error.keyword !== "string" ||
      error.keyword === ""
    ) {
      fail(`errors[${index}] must be { "path": a JSON Pointer ("" or "/…"), "keyword": a JSON Schema keyword }`);
    }
    const { path: pointer, keyword } = error as unknown as ExpectedIssue;
    return { path: pointer, keyword };
  });
}

function readOverride(entry: Record<string, unknown>, fail: (problem: string) => never): CorpusCase["typescript"] {
  if (entry.typescript !== "compiles" && entry.typescript !== "errors")
    fail(`"typescript" overrides the type rule with "compiles" or "errors"`);
  if (typeof entry.because !== "string" || entry.because.trim() === "")
    fail(`an override of "typescript" says why, in "because"`);
  return { verdict: entry.typescript as "compiles" | "errors", because: entry.because as string };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function displayPath(file: string): string {
  const relative = path.relative(REPO_ROOT, file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

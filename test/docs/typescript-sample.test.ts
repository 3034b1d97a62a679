import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { componentSchema, resolve } from "../helpers/conformance-schemas.ts";
import { defined } from "../helpers/defined.ts";
import { docsSnippets, guide, markdownCodeBlocks } from "../helpers/docs-code-samples.ts";
import { type SampleDiagnostic, typeCheckSamples } from "../helpers/docs-typecheck.ts";
import { codeSample, operationTitle, type SpecOperation, specOperations } from "../helpers/operations-of-spec.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";

// The client as the package exports it to Node, where the docs' snippets run, compiled from source: the docs are checked against the
// code that ships with them, not against a published version. The Node entry exports everything the other one does, and reads the
// key from the environment.
const CLIENT_ENTRY = path.join(REPO_ROOT, "src", "node.ts");
const MODULES = {
  "@piriod/api": CLIENT_ENTRY,
  "@piriod/api/validators": path.join(REPO_ROOT, "generated", "validators.d.ts"),
  "@piriod/api/testing": path.join(REPO_ROOT, "src", "testing", "index.ts"),
  // The docs' example of the fake is a vitest file, and the webhooks page receives with Hono; the samples' project lives outside
  // the repository, so each is named where it is installed.
  vitest: path.join(REPO_ROOT, "node_modules", "vitest", "dist", "index.d.ts"),
  // The logging guide adapts pino, which takes its fields first.
  pino: path.join(REPO_ROOT, "node_modules", "pino", "pino.d.ts"),
  hono: path.join(REPO_ROOT, "node_modules", "hono", "dist", "types", "index.d.ts"),
  "hono/body-limit": path.join(
    REPO_ROOT,
    "node_modules",
    "hono",
    "dist",
    "types",
    "middleware",
    "body-limit",
    "index.d.ts",
  ),
};

const CLIENT_CALL = /\bpiriod\.(\w+)\.(\w+)\(/;
/** One compiler run checks every sample, some 20 s of CPU; whichever test asks first waits for it, on a busy machine too. */
const COMPILE_MS = 180_000;

interface Mistake {
  /** The sample with one mistake a reader could make. */
  source: string;
  /** The 1-based line the compiler must point at. */
  line: number;
  /** The errors the compiler may give there, by code: its wording changes between versions. */
  codes: number[];
  /** A name the error must quote: the one the mistake wrote. */
  quotes?: string;
}

// TS2339 and TS2551: no such property (the second suggests one); TS2322: a value not assignable to
// its type; TS2307 and TS2792: a module not found.
const NO_SUCH_PROPERTY = [2339, 2551];
const NOT_ASSIGNABLE = [2322];
const MODULE_NOT_FOUND = [2307, 2792];

/** The sample calling its first client method by a misspelled name. */
function misspelledCall(sample: string): Mistake | undefined {
  const call = sample.match(CLIENT_CALL);
  if (!call) return undefined;
  const [whole, group, method] = call;
  const source = sample.replace(whole, `piriod.${group}.${method}_misspelled(`);
  return {
    source,
    line: sample.slice(0, call.index).split("\n").length,
    codes: NO_SUCH_PROPERTY,
    quotes: `${method}_misspelled`,
  };
}

/** The sample giving the first field of its request body that it writes as a literal a literal of another type. */
function wrongFieldType(operation: SpecOperation, sample: string): Mistake | undefined {
  const schema = operation.requestBody?.schema;
  if (schema === undefined) return undefined;
  for (const name of Object.keys(resolve(componentSchema(schema)).properties ?? {})) {
    const written = sample.match(new RegExp(`^(\\s*${name}: )("[^"\\n]*"|-?\\d+(?:\\.\\d+)?|true|false)(,?)$`, "m"));
    if (!written) continue;
    const [whole, key, literal = "", comma] = written;
    const other = literal.startsWith('"') ? "0" : JSON.stringify(literal);
    return {
      source: sample.replace(whole, `${key}${other}${comma}`),
      line: sample.slice(0, written.index).split("\n").length,
      codes: NOT_ASSIGNABLE,
    };
  }
  return undefined;
}

const operations = specOperations().map((operation) => {
  const sample = codeSample(operation, "TypeScript");
  return { operation, sample, misspelled: misspelledCall(sample), wrongType: wrongFieldType(operation, sample) };
});
const guideSamples = markdownCodeBlocks(guide, "ts");
const pageSnippets = docsSnippets();

let checked: Promise<SampleDiagnostic[]> | undefined;
/** Every sample compiled in one program (one compiler start for all), on first use. */
function diagnosticsOf(sample: string): Promise<SampleDiagnostic[]> {
  if (!existsSync(CLIENT_ENTRY)) throw new Error(`${CLIENT_ENTRY}, the client the samples call, does not exist`);
  checked ??= typeCheckSamples(
    Object.fromEntries([
      ...operations.flatMap(({ operation, sample, misspelled, wrongType }) => [
        [operation.operationId, sample],
        ...(misspelled ? [[`${operation.operationId}-misspelled-call`, misspelled.source]] : []),
        ...(wrongType ? [[`${operation.operationId}-wrong-field-type`, wrongType.source]] : []),
      ]),
      ...guideSamples.map((source, index) => [`guide-${index}`, source]),
      ...pageSnippets.map(({ id, source }) => [id, source]),
    ]),
    MODULES,
  );
  return checked.then((all) =>
    all.filter((diagnostic) => diagnostic.sample === sample || diagnostic.sample === "(project)"),
  );
}

/** Asserts the compiler refuses the mistake, on its line, for want of nothing but the mistake. */
async function expectRefused(name: string, mistake: Mistake) {
  const errors = await diagnosticsOf(name);
  const listed = errors.map((error) => `${error.line}: TS${error.code} ${error.message}`).join("\n");
  expect(errors.filter((error) => MODULE_NOT_FOUND.includes(error.code)).map((error) => error.message)).toEqual([]);
  const refused = errors.some(
    (error) =>
      error.line === mistake.line &&
      mistake.codes.includes(error.code) &&
      (mistake.quotes === undefined || error.message.includes(mistake.quotes)),
  );
  expect(refused, `line ${mistake.line}, one of TS${mistake.codes.join(", TS")}; the compiler said:\n${listed}`).toBe(
    true,
  );
}

describe("the TypeScript code in the docs", () => {
  it("the guide's client call is found, importing @piriod/api, and compiles against the client", {
    timeout: COMPILE_MS,
  }, async () => {
    expect(guideSamples).toHaveLength(1);
    expect(guideSamples[0]).toContain('from "@piriod/api"');
    expect(await diagnosticsOf("guide-0")).toEqual([]);
  });

  it("finds the README's snippets among the pages", () => {
    expect(pageSnippets.filter(({ where }) => where.startsWith("README.md:")).length).toBeGreaterThanOrEqual(3);
  });

  describe.each(pageSnippets.map((snippet) => [snippet.where, snippet] as const))(
    "the snippet at %s",
    (_where, snippet) => {
      it("imports what it uses from @piriod/api or its subpaths", () => {
        expect(snippet.source).toMatch(/^import .* from "@piriod\/api(\/[\w-]+)?";$/m);
      });

      it("compiles against the client", { timeout: COMPILE_MS }, async () => {
        expect(await diagnosticsOf(snippet.id)).toEqual([]);
      });
    },
  );

  describe.each(operations.map((entry) => [operationTitle(entry.operation), entry] as const))(
    "the sample of %s",
    (_title, { operation, sample, misspelled, wrongType }) => {
      it("is found: it imports @piriod/api and calls the client", () => {
        expect(sample).toContain('from "@piriod/api"');
        expect(sample).toMatch(CLIENT_CALL);
        expect(misspelled?.source).not.toBe(sample);
      });

      it("compiles against the client", { timeout: COMPILE_MS }, async () => {
        expect(await diagnosticsOf(operation.operationId)).toEqual([]);
      });

      it("does not compile with its client call misspelled, on the line of the call", {
        timeout: COMPILE_MS,
      }, async () => {
        await expectRefused(
          `${operation.operationId}-misspelled-call`,
          defined(misspelled, "the sample with its client call misspelled"),
        );
      });

      const { requestBody } = operation;
      if (requestBody) {
        it(`does not compile with a field of ${requestBody.schema} of the wrong type, on the line that does it`, {
          timeout: COMPILE_MS,
        }, async () => {
          expect(wrongType, `the sample writes no field of ${requestBody.schema} as a literal`).toBeDefined();
          const mistake = defined(wrongType, "the sample with a field of the wrong type");
          expect(mistake.source).not.toBe(sample);
          await expectRefused(`${operation.operationId}-wrong-field-type`, mistake);
        });
      }
    },
  );
});

import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { guide, markdownCodeBlocks, operationCodeSample } from "../helpers/docs-code-samples.ts";
import { typeCheckSamples, type SampleDiagnostic } from "../helpers/docs-typecheck.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";

// The client as the package exports it, compiled from source: the docs are checked against the
// code that ships with them, not against a published version.
const CLIENT_ENTRY = path.join(REPO_ROOT, "src", "index.ts");

const operationSample = operationCodeSample("updateCustomer", "TypeScript");
const guideSamples = markdownCodeBlocks(guide, "ts");
// The sample with one mistake a reader could make, to prove the check catches one.
const wrongStateType = operationSample.replace("state: 13,", 'state: "13",');

let checked: Promise<SampleDiagnostic[]> | undefined;
/** Every sample compiled in one program (one compiler start for all), on first use. */
function diagnosticsOf(sample: string): Promise<SampleDiagnostic[]> {
  if (!existsSync(CLIENT_ENTRY)) throw new Error(`${CLIENT_ENTRY}, the client the samples call, does not exist`);
  checked ??= typeCheckSamples(
    {
      operation: operationSample,
      ...Object.fromEntries(guideSamples.map((source, index) => [`guide-${index}`, source])),
      "wrong-state-type": wrongStateType,
    },
    { packageName: "@piriod/api", entry: CLIENT_ENTRY },
  );
  return checked.then((all) => all.filter((diagnostic) => diagnostic.sample === sample || diagnostic.sample === "(project)"));
}

describe("the TypeScript code in the docs", () => {
  it("is found: the operation's sample and the guide's client call, both importing @piriod/api", () => {
    expect(operationSample).toContain('from "@piriod/api"');
    expect(operationSample).toContain("piriod.customers.update(");
    expect(guideSamples).toHaveLength(1);
    expect(guideSamples[0]).toContain('from "@piriod/api"');
    expect(wrongStateType).not.toBe(operationSample);
  });

  it("the operation's TypeScript sample compiles against the client", { timeout: 60_000 }, async () => {
    expect(await diagnosticsOf("operation")).toEqual([]);
  });

  it("the guide's client call compiles against the client", { timeout: 60_000 }, async () => {
    expect(await diagnosticsOf("guide-0")).toEqual([]);
  });

  it("a sample that sends state as a string does not compile, on the line that does it", { timeout: 60_000 }, async () => {
    const line = wrongStateType.split("\n").findIndex((text) => text.includes('state: "13"')) + 1;
    const errors = await diagnosticsOf("wrong-state-type");
    expect(errors.map((error) => error.message).join("\n")).not.toMatch(/Cannot find module/);
    expect(errors.map((error) => error.line)).toContain(line);
  });
});

import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CorpusError, loadCorpus } from "../helpers/conformance-corpus.ts";
import { defined } from "../helpers/defined.ts";

// The corpus is edited by hand, so the loader is the last line of defence against a case that
// would otherwise pass for the wrong reason (or not run at all).
describe("loadCorpus", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "piriod-corpus-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const good = {
    name: "minimal update",
    schema: "CustomerUpdate",
    valid: true,
    payload: { name: "A", address: "B", country: "CL", state: 1 },
  };
  const refused = {
    name: "no name",
    schema: "CustomerUpdate",
    valid: false,
    errors: [{ path: "/name", keyword: "required" }],
    payload: {},
  };

  async function write(file: string, content: unknown): Promise<string> {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, typeof content === "string" ? content : JSON.stringify(content));
    return target;
  }

  /** The message `loadCorpus` fails with, which must name the file (and the case, when given). */
  async function failure(cases: unknown, file = "cases.json"): Promise<string> {
    const target = await write(file, { cases });
    try {
      loadCorpus(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(CorpusError);
      const message = (error as Error).message;
      expect(message).toContain(target);
      return message;
    }
    throw new Error("loadCorpus accepted a bad corpus");
  }

  it("reads every case of every file below the folder, in subfolders too", async () => {
    await write("a.json", { description: "requests", cases: [good] });
    await write("nested/b.json", { cases: [refused] });
    const cases = loadCorpus(dir);
    expect(cases.map((entry) => [path.basename(entry.file), entry.name, entry.valid])).toEqual([
      ["a.json", "minimal update", true],
      ["b.json", "no name", false],
    ]);
    expect(defined(cases[1], "the second case").errors).toEqual([{ path: "/name", keyword: "required" }]);
  });

  it("fails on a folder with no corpus file", () => {
    expect(() => loadCorpus(dir)).toThrow(`${dir}: no corpus file`);
  });

  it("fails on a file that is not JSON", async () => {
    const target = await write("broken.json", '{ "cases": [ { "name": "x", } ] }');
    expect(() => loadCorpus(dir)).toThrow(new RegExp(`^${target}: not valid JSON`));
  });

  it("fails on a file without a cases array, or with an empty one, or with an unknown field", async () => {
    const target = await write("wrong.json", [good]);
    expect(() => loadCorpus(dir)).toThrow(`${target}: must be an object with a "cases" array`);
    await write("wrong.json", { cases: [] });
    expect(() => loadCorpus(dir)).toThrow(`${target}: "cases" is empty`);
    await write("wrong.json", { cases: [good], comment: "x" });
    expect(() => loadCorpus(dir)).toThrow(`${target}: unknown field "comment"`);
  });

  it("fails on a case without a name, giving its position", async () => {
    expect(await failure([good, { schema: "CustomerUpdate", valid: true, payload: {} }])).toMatch(
      /case #2: "name" must be a non-empty string/,
    );
  });

  it("fails on a schema that has no generated validator, naming the case and the schema", async () => {
    const message = await failure([{ ...good, schema: "Invoice" }]);
    expect(message).toContain(`case "minimal update": schema "Invoice" has no validator`);
    expect(message).toContain("CustomerUpdate");
  });

  it.each([
    ["a missing payload", { name: "x", schema: "Customer", valid: true }, `"payload" is missing`],
    ["a missing verdict", { name: "x", schema: "Customer", payload: {} }, `"valid" must be true or false`],
    [
      "a verdict given as a string",
      { name: "x", schema: "Customer", valid: "false", payload: {} },
      `"valid" must be true or false`,
    ],
    ["a missing schema", { name: "x", valid: true, payload: {} }, `"schema" must be the name`],
    [
      "an invalid case without errors",
      { name: "x", schema: "Customer", valid: false, payload: {} },
      `an invalid case lists its "errors"`,
    ],
    [
      "an error path that is not a JSON Pointer",
      { ...refused, name: "x", errors: [{ path: "name", keyword: "required" }] },
      "errors[0] must be",
    ],
    ["an error without a keyword", { ...refused, name: "x", errors: [{ path: "/name" }] }, "errors[0] must be"],
    [
      "an error with an extra field",
      { ...refused, name: "x", errors: [{ path: "/name", keyword: "required", message: "m" }] },
      "errors[0] must be",
    ],
    [
      "a valid case with errors",
      { ...good, name: "x", errors: [{ path: "/name", keyword: "type" }] },
      `a valid case lists no "errors"`,
    ],
    ["a misspelt field", { ...good, name: "x", vaild: true }, `unknown field "vaild"`],
    [
      "an override without its reason",
      { ...good, name: "x", typescript: "errors" },
      `an override of "typescript" says why, in "because"`,
    ],
    [
      "an override with an unknown verdict",
      { ...good, name: "x", typescript: "fails", because: "b" },
      `"typescript" overrides the type rule with "compiles" or "errors"`,
    ],
    [
      "a reason without an override",
      { ...good, name: "x", because: "b" },
      `"typescript" overrides the type rule with "compiles" or "errors"`,
    ],
  ])("fails on %s, naming the case", async (_what, entry, problem) => {
    expect(await failure([entry])).toContain(`case "x": ${problem}`);
  });

  it("fails on a name used twice, in one file or across files", async () => {
    expect(await failure([good, { ...good }])).toContain(`case "minimal update": the name is already used in`);
    await rm(path.join(dir, "cases.json"));
    await write("a.json", { cases: [good] });
    const second = await write("b.json", { cases: [{ ...refused, name: good.name }] });
    expect(() => loadCorpus(dir)).toThrow(
      `${second}, case "minimal update": the name is already used in ${path.join(dir, "a.json")}`,
    );
  });
});

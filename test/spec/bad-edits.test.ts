import { describe, expect, it } from "vitest";
import { type ProjectCopy, useProjectCopy } from "../helpers/project-copy.ts";

// A spec edit that breaks the contract must stop the pipeline with a message that names the file
// and the problem, and must leave generated/ exactly as it was. A problem is named by Redocly's
// rule and what the edit wrote, not by Redocly's wording. The first test and the last run the
// scripts by their command lines; the others call them in this process, as the command lines do.
const PATH_FILE = "openapi/paths/customers_{id}_.yaml";
const REQUEST_SCHEMA = "openapi/components/schemas/CustomerWrite.yaml";

interface BadEdit {
  name: string;
  apply: (copy: ProjectCopy) => Promise<void>;
  /** Text the failure must contain: the file, then the problem. */
  file: string;
  problem: RegExp;
}

const badEdits: BadEdit[] = [
  {
    name: "an example that breaks its schema",
    apply: (copy) => copy.edit(PATH_FILE, "              state: 13\n", '              state: "13"\n'),
    file: "paths/customers_{id}_.yaml",
    problem: /no-invalid-media-type-examples.*state/,
  },
  {
    name: "an unresolvable $ref",
    apply: (copy) => copy.edit(PATH_FILE, "responses/NotFound.yaml", "responses/NotFund.yaml"),
    file: "paths/customers_{id}_.yaml",
    problem: /no-unresolved-refs.*NotFund\.yaml/,
  },
  {
    name: "a misspelt keyword",
    apply: (copy) => copy.edit(REQUEST_SCHEMA, "    maxLength: 100\n", "    maxLenght: 100\n"),
    file: "components/schemas/CustomerWrite.yaml",
    problem: /struct.*maxLenght/,
  },
  {
    name: "a missing operationId",
    apply: (copy) => copy.edit(PATH_FILE, "  operationId: updateCustomer\n", ""),
    file: "paths/customers_{id}_.yaml",
    problem: /operation-operationId.*operationId/,
  },
  {
    name: "an x-piriod-method that names no client method",
    apply: (copy) =>
      copy.edit(PATH_FILE, "  x-piriod-method: customers.update\n", "  x-piriod-method: customers.Update\n"),
    file: "paths/customers_{id}_.yaml",
    problem: /piriod\/client-method.*x-piriod-method "customers\.Update" must be resource\.method in lower camel case/,
  },
  {
    name: "invalid YAML",
    apply: (copy) => copy.edit(REQUEST_SCHEMA, "required:\n  - name\n", "required:\n  - name\n   - oops: [\n"),
    file: "components/schemas/CustomerWrite.yaml",
    problem: /Failed to parse|bad indentation|YAML/i,
  },
];

describe("a broken spec edit", () => {
  const project = useProjectCopy();

  it("is what makes the runs below fail: the unedited copy lints and generates", async () => {
    const generate = await project().runScript("generate");
    expect(generate.stderr).toBe("");
    expect(generate.status).toBe(0);
  });

  describe.each(badEdits)("$name", (edit) => {
    it("fails lint, naming the file and the problem", async () => {
      await edit.apply(project());
      const lint = await project().runInProcess("lint-spec");
      expect(lint.status).not.toBe(0);
      expect(lint.stderr).toMatch(edit.problem);
      expect(lint.stderr).toContain(edit.file);
    });

    it("fails generate and leaves generated/ untouched", async () => {
      const before = await project().snapshot("generated");
      await edit.apply(project());
      const generate = await project().runInProcess("generate");
      expect(generate.status).not.toBe(0);
      expect(generate.stderr).toContain(edit.file);
      expect(generate.stderr).toMatch(edit.problem);
      expect(await project().snapshot("generated")).toEqual(before);
    });
  });
});

describe("a schema keyword the validators have no message for", () => {
  const project = useProjectCopy();

  it("passes lint, but stops generate with a message naming the schema, the keyword and where messages live", async () => {
    const copy = project();
    await copy.edit(REQUEST_SCHEMA, "    maxLength: 100\n", "    maxLength: 100\n    pattern: '\\S'\n");
    expect((await copy.runScript("lint-spec")).status).toBe(0);
    const before = await copy.snapshot("generated");
    const generate = await copy.runInProcess("generate");
    expect(generate.status).not.toBe(0);
    expect(generate.stderr).toMatch(
      /components\/schemas\/CustomerWrite uses `pattern`, for which src\/validator-runtime\.ts has no message/,
    );
    expect(await copy.snapshot("generated")).toEqual(before);
  });
});

describe("a schema named as an export of the client", () => {
  const project = useProjectCopy();

  it("stops generate, naming the schema and the clash, and leaves generated/ untouched", async () => {
    const copy = project();
    await copy.write(
      "openapi/components/schemas/PiriodError.yaml",
      "type: object\ndescription: A schema whose name the client's error class has.\n",
    );
    await copy.edit(
      "openapi/components/schemas/Customer.yaml",
      "  aggregations:\n",
      "  problem:\n    $ref: ./PiriodError.yaml\n  aggregations:\n",
    );
    expect((await copy.runInProcess("lint-spec")).status).toBe(0);
    const before = await copy.snapshot("generated");
    const generate = await copy.runInProcess("generate");
    expect(generate.status).not.toBe(0);
    expect(generate.stderr).toMatch(
      /components\/schemas\/PiriodError has the name of an export of the package's entry points \(src\/\); rename the schema/,
    );
    expect(await copy.snapshot("generated")).toEqual(before);
  });

  it("or one that is no TypeScript identifier, stops generate naming the rule", async () => {
    const copy = project();
    await copy.write(
      "openapi/components/schemas/Tax-Settings.yaml",
      "type: object\ndescription: A schema whose name has a dash.\n",
    );
    await copy.edit(
      "openapi/components/schemas/Customer.yaml",
      "  aggregations:\n",
      "  taxes:\n    $ref: ./Tax-Settings.yaml\n  aggregations:\n",
    );
    const generate = await copy.runScript("generate");
    expect(generate.status).not.toBe(0);
    expect(generate.stderr).toMatch(
      /components\/schemas\/Tax-Settings cannot be exported under its own name: a schema's name must be a TypeScript identifier/,
    );
  });
});

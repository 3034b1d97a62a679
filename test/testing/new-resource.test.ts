import { execFile } from "node:child_process";
import { symlink } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProjectCopy, REPO_ROOT } from "../helpers/project-copy.ts";

// A resource added to the spec in the usual shapes (list, create, retrieve, partial update,
// delete) is served by the fake from what the spec declares, with no edit to src/. The resource
// is invented: no Piriod endpoint has it.
const execFileAsync = promisify(execFile);
const TSX_CLI = path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");

const GADGET = `type: object
description: A gadget of the workspace.
x-piriod-id-prefix: gad
required:
  - label
properties:
  id:
    type: string
    readOnly: true
    description: Identifier of the gadget.
  label:
    type: string
    maxLength: 20
    description: What the gadget shows.
  size:
    type: integer
    default: 3
    description: How big it is.
  created:
    type: string
    format: date-time
    readOnly: true
    description: When the gadget was made.
`;
const GADGET_WRITE = `type: object
description: The body that makes or changes a gadget.
additionalProperties: false
required:
  - label
properties:
  label:
    type: string
    maxLength: 20
    description: What the gadget shows.
  size:
    type: integer
    description: How big it is.
`;
const GADGET_LIST = `type: object
description: A page of gadgets.
required:
  - count
  - results
properties:
  count:
    type: integer
    description: How many match.
  next:
    type: ['string', 'null']
    format: uri
    description: The next page.
  previous:
    type: ['string', 'null']
    format: uri
    description: The previous page.
  results:
    type: array
    description: This page's gadgets.
    items:
      $ref: ./Gadget.yaml
`;
const gadgetExample = (id: string) =>
  `              value:\n                id: ${id}\n                label: Ventas\n                size: 3\n                created: '2026-01-01T00:00:00Z'\n`;
const answer = (status: number, schema: string, example: string) =>
  `    '${status}':\n      description: The answer.\n      content:\n        application/json:\n          schema:\n            $ref: ../components/schemas/${schema}.yaml\n          examples:\n            one:\n              summary: One\n${example}`;
const body = `  requestBody:\n    required: true\n    content:\n      application/json:\n        schema:\n          $ref: ../components/schemas/GadgetWrite.yaml\n        examples:\n          one:\n            summary: One\n            value:\n              label: Ventas\n`;
const operation = (method: string, id: string, name: string) =>
  `${method}:\n  operationId: ${id}\n  x-piriod-method: gadgets.${name}\n  summary: ${name} gadget\n  description: The ${name} of gadgets.\n  tags:\n    - customers\n`;
const GADGETS_PATH = `parameters:
  - $ref: ../components/parameters/WorkspaceHeader.yaml
  - $ref: ../components/parameters/TestModeHeader.yaml
${operation("get", "listGadgets", "list")}  parameters:
    - $ref: ../components/parameters/PageQuery.yaml
    - $ref: ../components/parameters/PageSizeQuery.yaml
    - name: label
      in: query
      required: false
      description: Only gadgets with this label.
      schema:
        type: string
      example: Ventas
  responses:
${answer(200, "GadgetList", `              value:\n                count: 0\n                next: null\n                previous: null\n                results: []\n`)}    '400':
      $ref: ../components/responses/BadRequest.yaml
${operation("post", "createGadget", "create")}${body}  responses:
${answer(201, "Gadget", gadgetExample("gad_1"))}    '400':
      $ref: ../components/responses/BadRequest.yaml
`;
const GADGET_PATH = `parameters:
  - $ref: ../components/parameters/IdPath.yaml
  - $ref: ../components/parameters/WorkspaceHeader.yaml
  - $ref: ../components/parameters/TestModeHeader.yaml
${operation("get", "retrieveGadget", "retrieve")}  responses:
${answer(200, "Gadget", gadgetExample("gad_1"))}    '404':
      $ref: ../components/responses/NotFound.yaml
${operation("patch", "updateGadget", "update")}${body}  responses:
${answer(200, "Gadget", gadgetExample("gad_1"))}    '404':
      $ref: ../components/responses/NotFound.yaml
${operation("delete", "deleteGadget", "delete")}  responses:
    '204':
      description: Deleted.
    '404':
      $ref: ../components/responses/NotFound.yaml
`;

const CONSUMER = `import { createPiriodClient, PiriodBadRequestError, PiriodNotFoundError } from "./src/index.ts";
import { createPiriodFake } from "./src/testing/index.ts";

const fake = createPiriodFake();
const piriod = createPiriodClient({ apiKey: "sk_test_gadgets", workspace: "acc_1", fetch: fake.fetch, maxRetries: 0, validate: { request: false } });
const made = await piriod.gadgets.create({ label: "Ventas" });
await piriod.gadgets.create({ label: "Compras", size: 5 });
const updated = await piriod.gadgets.update(made.id!, { label: "Ventas 2" });
const listed = (await piriod.gadgets.list({ label: "Compras" })).items.map((gadget) => gadget.label);
const refused = await piriod.gadgets.create({ label: "x".repeat(21) }).catch((error: PiriodBadRequestError) => error.body);
await piriod.gadgets.delete(made.id!);
const gone = await piriod.gadgets.retrieve(made.id!).catch((error: unknown) => error instanceof PiriodNotFoundError);
console.log(JSON.stringify({ made, updated, listed, refused, gone, built: fake.build.gadgets({ size: 9 }) }));
`;

let copy: ProjectCopy;

beforeAll(async () => {
  copy = await ProjectCopy.create(["openapi", "generated", "redocly.yaml", "src", "package.json", "tsconfig.json"]);
  await symlink(path.join(REPO_ROOT, "node_modules"), path.join(copy.root, "node_modules"));
  await copy.write("openapi/components/schemas/Gadget.yaml", GADGET);
  await copy.write("openapi/components/schemas/GadgetWrite.yaml", GADGET_WRITE);
  await copy.write("openapi/components/schemas/GadgetList.yaml", GADGET_LIST);
  await copy.write("openapi/paths/gadgets_.yaml", GADGETS_PATH);
  await copy.write("openapi/paths/gadgets_{id}_.yaml", GADGET_PATH);
  await copy.edit(
    "openapi/openapi.yaml",
    "paths:\n",
    "paths:\n  /gadgets/:\n    $ref: paths/gadgets_.yaml\n  /gadgets/{id}/:\n    $ref: paths/gadgets_{id}_.yaml\n",
  );
  await copy.write("consumer.ts", CONSUMER);
}, 60_000);

afterAll(async () => {
  await copy?.remove();
});

describe("a resource added to the spec", () => {
  it("is served by the fake after regenerating, with src/ untouched", async () => {
    const before = await copy.snapshot("src");
    const generate = await copy.runInProcess("generate");
    expect(generate.stderr).toBe("");
    expect(generate.status).toBe(0);
    expect((await copy.snapshot("generated"))["fake-model.js"]).toMatch(/\bidPrefix\b"?: "gad"/);

    const { stdout } = await execFileAsync(process.execPath, [TSX_CLI, "consumer.ts"], { cwd: copy.root });
    const result = JSON.parse(stdout);
    expect(result.made).toMatchObject({ label: "Ventas", size: 3 });
    expect(result.made.id).toMatch(/^gad_[0-9A-Z]{14}$/);
    expect(result.updated).toMatchObject({
      id: result.made.id,
      label: "Ventas 2",
      size: 3,
      created: result.made.created,
    });
    expect(result.listed).toEqual(["Compras"]);
    expect(result.refused).toEqual({ label: ["Ensure this field has no more than 20 characters."] });
    expect(result.gone).toBe(true);
    expect(result.built).toMatchObject({ label: "Ventas", size: 9 });
    expect(await copy.snapshot("src")).toEqual(before);
  }, 60_000);

  it("fails generation, naming the schema, when an object with an id and a create declares no id prefix", async () => {
    await copy.edit("openapi/components/schemas/Gadget.yaml", "x-piriod-id-prefix: gad\n", "");
    const generate = await copy.runInProcess("generate");
    expect(generate.status).not.toBe(0);
    expect(generate.stderr).toContain(
      "gadgets: Gadget has an id and a create; declare the prefix of its ids as x-piriod-id-prefix (cus)",
    );
  }, 60_000);

  it("fails generation, naming the field, when a request field declares the id of an object its response does not embed", async () => {
    await copy.edit(
      "openapi/components/schemas/Gadget.yaml",
      "description: A gadget of the workspace.\n",
      "description: A gadget of the workspace.\nx-piriod-id-prefix: gad\n",
    );
    await copy.edit(
      "openapi/components/schemas/GadgetWrite.yaml",
      "    description: What the gadget shows.\n",
      "    description: What the gadget shows.\n    x-piriod-id-of: Country\n",
    );
    const generate = await copy.runInProcess("generate");
    expect(generate.status).not.toBe(0);
    expect(generate.stderr).toContain(
      "GadgetWrite.label declares x-piriod-id-of: Country, but Gadget.label is not a $ref to Country",
    );
  }, 60_000);
});

import { execFile } from "node:child_process";
import { symlink } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defined } from "../helpers/defined.ts";
import { McpProcess } from "../helpers/mcp-process.ts";
import { ProjectCopy, REPO_ROOT } from "../helpers/project-copy.ts";
import { tsc } from "../helpers/tsc.ts";

// Operations are data: an operation added to the spec becomes a client method by regenerating,
// and a tool of the MCP server, with no edit to src/. The operation here is invented (no Piriod
// endpoint has it).
const execFileAsync = promisify(execFile);
const TSX_CLI = path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");

const WIDGET_SCHEMA = `type: object
description: A widget of the workspace.
required:
  - id
  - label
properties:
  id:
    type: string
    description: Identifier of the widget.
  label:
    type: string
    maxLength: 20
    description: What the widget shows.
`;

const WIDGET_PATH = `parameters:
  - $ref: ../components/parameters/IdPath.yaml
  - $ref: ../components/parameters/WorkspaceHeader.yaml
  - $ref: ../components/parameters/TestModeHeader.yaml
get:
  operationId: retrieveWidget
  x-piriod-method: widgets.retrieve
  summary: Retrieve widget
  description: Returns a widget of the workspace.
  tags:
    - customers
  parameters:
    - name: fields
      in: query
      description: The fields to return.
      style: form
      explode: false
      schema:
        type: array
        items:
          type: string
  responses:
    '200':
      description: The widget.
      content:
        application/json:
          schema:
            $ref: ../components/schemas/Widget.yaml
          examples:
            widget:
              summary: A widget
              value:
                id: wid_1
                label: Ventas
    '404':
      $ref: ../components/responses/NotFound.yaml
`;

const CONSUMER = `import { createPiriodClient, type Widget, type PiriodPromise } from "./src/index.ts";

const piriod = createPiriodClient({ apiKey: "sk_test_widgets", workspace: "acc_1", baseUrl: process.env.BASE_URL ?? "http://127.0.0.1:1" });
const found: PiriodPromise<Widget> = piriod.widgets.retrieve("wid/1", { fields: ["label", "id"] }, { testMode: true });
const widget: Widget = await found;
const label: string = widget.label;
console.log(JSON.stringify({ label, id: widget.id }));

export async function misuses() {
  // @ts-expect-error the id is a string
  await piriod.widgets.retrieve(42);
  // @ts-expect-error the id is required
  await piriod.widgets.retrieve();
  // @ts-expect-error the operation takes no body: the second argument is the query
  await piriod.widgets.retrieve("wid_1", { label: "x" });
  // @ts-expect-error fields is a list
  await piriod.widgets.retrieve("wid_1", { fields: "label" });
  // @ts-expect-error no such method
  await piriod.widgets.update("wid_1", {});
  // @ts-expect-error a widget has no such field
  void widget.name;
}
`;

// The docs' console of the operation, driven as the page drives it: the model read from the copy's
// spec and operation table, a session of the copy's client and fake, the curl and the TypeScript call.
const CONSOLE = `import { readFileSync } from "node:fs";
import { readForm } from ${JSON.stringify(path.join(REPO_ROOT, "docs-console", "input.ts"))};
import { consoleModel } from ${JSON.stringify(path.join(REPO_ROOT, "docs-console", "model.ts"))};
import { clientCall, curlCommand } from ${JSON.stringify(path.join(REPO_ROOT, "docs-console", "request-text.ts"))};
import { createSession } from ${JSON.stringify(path.join(REPO_ROOT, "docs-console", "session.ts"))};
import { withTryIt } from ${JSON.stringify(path.join(REPO_ROOT, "scripts", "lib", "docs-console.ts"))};
import { operations } from "./generated/operations.js";
import * as piriod from "./src/index.ts";
import { createPiriodFake } from "./src/testing/index.ts";

const spec = JSON.parse(readFileSync("generated/openapi.json", "utf8"));
const model = consoleModel(spec, operations);
const widget = model.operations.find((operation) => operation.key === "widgets.retrieve");
const read = readForm(widget, { path: { id: "wid_1" }, query: {}, body: "" });
if (!read.ok) throw new Error(JSON.stringify(read.problems));
const session = createSession({ piriod, createPiriodFake }, model);
const preview = await session.preview(widget, read.args);
const outcome = await session.send(widget, read.args);
console.log(JSON.stringify({
  widget,
  control: withTryIt(spec, model).paths["/widgets/{id}/"].get.description.split("\\n")[0],
  curl: curlCommand(preview),
  call: clientCall(widget, read.args, session.settings),
  received: outcome.received,
}));
`;

let copy: ProjectCopy;
let server: Server;
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  copy = await ProjectCopy.create(["openapi", "generated", "redocly.yaml", "src", "package.json", "tsconfig.json"]);
  await symlink(path.join(REPO_ROOT, "node_modules"), path.join(copy.root, "node_modules"));
  await copy.write("openapi/components/schemas/Widget.yaml", WIDGET_SCHEMA);
  await copy.write("openapi/paths/widgets_{id}_.yaml", WIDGET_PATH);
  await copy.edit(
    "openapi/openapi.yaml",
    "paths:\n",
    "paths:\n  /widgets/{id}/:\n    $ref: paths/widgets_{id}_.yaml\n",
  );
  await copy.write("consumer.ts", CONSUMER);
  await copy.write("console.mts", CONSOLE);
  server = createServer((request, response) => {
    seen.push(request);
    response.writeHead(200, { "content-type": "application/json" });
    const id = defined(request.url?.split("/")[2], "the widget's id in the URL");
    response.end(JSON.stringify({ id: decodeURIComponent(id), label: "Ventas" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await copy?.remove();
});

describe("an operation added to the spec", () => {
  it("regenerates into a client method, its validators and its types, with src/ untouched", async () => {
    const before = await copy.snapshot("src");
    const generate = await copy.runInProcess("generate");
    expect(generate.stderr).toBe("");
    expect(generate.status).toBe(0);
    const generated = await copy.snapshot("generated");
    expect(generated["operations.js"]).toContain('path: "/widgets/{id}/"');
    expect(generated["operations.js"]).toContain('arrays: ["fields"]');
    expect(generated["resources.d.ts"]).toMatch(
      /export interface WidgetsResource \{[\s\S]*retrieve\(id: [^)]*options\?: RequestOptions\): PiriodPromise<Widget>;/,
    );
    expect(Object.keys(generated)).toContain("validators/widget.js");
    expect(await copy.snapshot("src")).toEqual(before);
  });

  it("type-checks a consumer that calls it, and refuses wrong arguments", async () => {
    // The project's compiler options, for the consumer alone; one verdict, from TypeScript 7.
    await copy.write(
      "tsconfig.consumer.json",
      JSON.stringify({ extends: "./tsconfig.json", include: [], files: ["consumer.ts"] }),
    );
    const result = await tsc("tsconfig.consumer.json", copy.root, "typescript-7");
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });

  it("is called against a local server: the path, the id as one segment, a list as one parameter, the headers", async () => {
    const { port } = server.address() as { port: number };
    const { stdout } = await execFileAsync(process.execPath, [TSX_CLI, "consumer.ts"], {
      cwd: copy.root,
      env: { ...process.env, BASE_URL: `http://127.0.0.1:${port}` },
    });
    expect(JSON.parse(stdout)).toEqual({ label: "Ventas", id: "wid/1" });
    expect(seen).toHaveLength(1);
    const { method, url, headers } = defined(seen[0], "the request the server saw");
    expect([method, url]).toEqual(["GET", "/widgets/wid%2F1/?fields=label,id"]);
    expect(headers).toMatchObject({
      authorization: "Token sk_test_widgets",
      "x-simple-workspace": "acc_1",
      "x-piriod-test-mode": "true",
    });
  });

  it("becomes a tool of piriod-mcp, described by the spec, that calls it in test mode", async () => {
    const { port } = server.address() as { port: number };
    const mcp = new McpProcess(
      process.execPath,
      [TSX_CLI, path.join(copy.root, "src", "mcp", "cli.ts")],
      { PIRIOD_API_KEY: "sk_test_widgets", PIRIOD_WORKSPACE: "acc_1", PIRIOD_BASE_URL: `http://127.0.0.1:${port}` },
      copy.root,
    );
    try {
      await mcp.request("initialize", {
        protocolVersion: "2025-06-18",
        capabilities: {},
        clientInfo: { name: "widgets", version: "1" },
      });
      const { tools } = (await mcp.request("tools/list")).result as {
        tools: { name: string; description: string; inputSchema: object; annotations: object }[];
      };
      expect(tools.find((tool) => tool.name === "widgets_retrieve")).toEqual({
        name: "widgets_retrieve",
        title: "Retrieve widget",
        description: "Retrieve widget.\n\nReturns a widget of the workspace.",
        inputSchema: {
          type: "object",
          properties: {
            id: expect.objectContaining({ type: "string", minLength: 1 }),
            fields: { type: "array", items: { type: "string" }, description: "The fields to return." },
          },
          required: ["id"],
          additionalProperties: false,
        },
        annotations: expect.objectContaining({ readOnlyHint: true, destructiveHint: false }),
      });
      const called = await mcp.request("tools/call", { name: "widgets_retrieve", arguments: { id: "wid_7" } });
      expect(called.result).toMatchObject({ structuredContent: { id: "wid_7", label: "Ventas" } });
      expect(seen.at(-1)).toMatchObject({ url: "/widgets/wid_7/", headers: { "x-piriod-test-mode": "true" } });
    } finally {
      await mcp.close();
    }
  }, 60_000);

  // After the regeneration of the first test, as the call above.
  it("gets its console in the docs: fields, curl, the TypeScript call, a call through the client to the fake", async () => {
    const { stdout } = await execFileAsync(process.execPath, [TSX_CLI, "console.mts"], { cwd: copy.root });
    const shown = JSON.parse(stdout);
    expect(shown.widget).toMatchObject({
      key: "widgets.retrieve",
      httpMethod: "GET",
      path: "/widgets/{id}/",
      summary: "Retrieve widget",
      pathParams: [{ name: "id", type: "string", required: true, example: "cus_01H8XYZ123ABC" }],
      query: [{ name: "fields", type: "list", required: false, description: "The fields to return." }],
      paginated: false,
      result: "widget",
    });
    expect(shown.widget.body).toBeUndefined();
    expect(shown.control).toMatch(
      /<button type="button" data-piriod-try="widgets\.retrieve" [^>]*aria-label="Try it: Retrieve widget">/,
    );
    expect(shown.curl).toBe(
      "curl \\\n  'https://api.piriod.com/widgets/wid_1/' \\\n  --header 'accept: application/json' \\\n  --header 'authorization: Token <api_token>' \\\n  --header 'x-simple-workspace: <workspace_id>'",
    );
    expect(shown.call).toContain(`const widget = await piriod.widgets.retrieve("wid_1");`);
    expect(shown.received).toEqual([{ method: "GET", target: "/widgets/wid_1/", status: expect.any(Number) }]);
  });
});

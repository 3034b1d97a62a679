import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { argumentList, readForm } from "../../docs-console/input.ts";
import type { ConsoleField, ConsoleOperation } from "../../docs-console/model.ts";
import {
  API_KEY_PLACEHOLDER,
  clientCall,
  curlCommand,
  literal,
  type SentRequest,
  shellQuoted,
  WORKSPACE_PLACEHOLDER,
} from "../../docs-console/request-text.ts";
import type { Session } from "../../docs-console/session.ts";
import { createPiriodFake, type FakeServer } from "../../src/testing/index.ts";
import { consoleOf, model, newSession } from "../helpers/console-session.ts";
import { defined } from "../helpers/defined.ts";
import { typeCheckSamples } from "../helpers/docs-typecheck.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";
import { runCurl } from "../helpers/run-curl.ts";

const run = promisify(execFile);

/** The form of `operation` as the console first shows it: the spec's examples in the path and the body, no filter. */
const exampleForm = (operation: ConsoleOperation) => ({
  path: Object.fromEntries(operation.pathParams.map((field) => [field.name, field.example ?? ""])),
  query: {},
  body: operation.body?.example ?? "",
});

function argsOf(operation: ConsoleOperation, values = exampleForm(operation)) {
  const read = readForm(operation, values);
  if (!read.ok) throw new Error(`the form of ${operation.key} is refused: ${JSON.stringify(read.problems)}`);
  return read.args;
}

describe("reading a console's form", () => {
  const list = consoleOf("customers.list");
  const update = consoleOf("customers.update");

  it("gives the client method's arguments in its order: path parameters, body, query", () => {
    const args = argsOf(update, { path: { id: "cus_1" }, query: {}, body: '{"name":"Andes"}' });
    expect(argumentList(update, args)).toEqual(["cus_1", { name: "Andes" }]);
    const listed = argsOf(list, { path: {}, query: { country: "CL" }, body: "" });
    expect(argumentList(list, listed)).toEqual([{ country: "CL" }]);
    expect(argumentList(list, argsOf(list, { path: {}, query: {}, body: "" }))).toEqual([]);
  });

  it("turns numbers, booleans and pairs into what the client takes, leaving other text to the client to judge", () => {
    const args = argsOf(list, {
      path: {},
      query: {
        page_size: "50",
        page: "two",
        metadata: "segment=wholesale&tier=gold",
        created__gte: " 2026-01-01 ",
        name: "",
      },
      body: "",
    });
    expect(args.query).toEqual({
      page_size: 50,
      page: "two",
      metadata__segment: "wholesale",
      metadata__tier: "gold",
      created__gte: "2026-01-01",
    });
    const contacts = argsOf(consoleOf("contacts.list"), { path: {}, query: { invoicing: "false" }, body: "" });
    expect(contacts.query).toEqual({ invoicing: false });
  });

  it("splits a list at its commas and reads a decimal number, for the kinds of field the spec does not use yet", () => {
    const field = (name: string, type: ConsoleField["type"]): ConsoleField => ({
      name,
      type,
      required: false,
      description: "",
    });
    const operation: ConsoleOperation = {
      ...list,
      query: [field("status__in", "list"), field("balance__gte", "number"), field("ratio", "number")],
    };
    const args = argsOf(operation, {
      path: {},
      query: { status__in: "active, archived", balance__gte: "10.5", ratio: "half" },
      body: "",
    });
    expect(args.query).toEqual({ status__in: ["active", "archived"], balance__gte: 10.5, ratio: "half" });
  });

  it("refuses an empty path parameter and a body that is not JSON, naming each", () => {
    expect(readForm(update, { path: { id: "" }, query: {}, body: '{"name": ' })).toEqual({
      ok: false,
      problems: [
        { field: "id", message: "is required: the path cannot be built without it" },
        { field: "body", message: expect.stringMatching(/^is not JSON: /) },
      ],
    });
  });
});

describe("the request as curl", () => {
  it("writes the method, the URL, each header and the body indented, quoted for the shell", () => {
    const request: SentRequest = {
      method: "PATCH",
      url: "https://api.piriod.com/customers/cus_1/",
      headers: [
        ["authorization", `Token ${API_KEY_PLACEHOLDER}`],
        ["content-type", "application/json"],
      ],
      body: JSON.stringify({ name: "O'Higgins SpA" }),
    };
    expect(curlCommand(request)).toBe(
      [
        "curl --request PATCH \\",
        "  'https://api.piriod.com/customers/cus_1/' \\",
        "  --header 'authorization: Token <api_token>' \\",
        "  --header 'content-type: application/json' \\",
        "  --data '{",
        `    "name": "O'\\''Higgins SpA"`,
        "  }'",
      ].join("\n"),
    );
    expect(curlCommand({ method: "GET", url: "https://api.piriod.com/customers/?page=2", headers: [] })).toBe(
      "curl \\\n  'https://api.piriod.com/customers/?page=2'",
    );
  });

  it("quotes any text so that a shell passes it on unchanged", async () => {
    const text = `it's "quoted" $HOME \`date\` \\ ; & | \n 'twice''`;
    const { stdout } = await run("/bin/sh", ["-c", `printf %s ${shellQuoted(text)}`]);
    expect(stdout).toBe(text);
  });

  describe("run by a reader against a server, with their key and workspace in place of the placeholders", () => {
    let served: FakeServer;
    let session: Session;
    const fake = createPiriodFake({ examples: true, workspace: model.workspace });

    beforeAll(async () => {
      served = await fake.listen();
      session = newSession();
    });
    afterAll(() => served?.close());

    it.each(model.operations.map((operation) => [operation.key, operation] as const))(
      "%s, with the spec's examples, gets the answer of success",
      async (_key, operation) => {
        fake.reset();
        const preview = await session.preview(operation, argsOf(operation));
        if ("problem" in preview) throw new Error(preview.problem);
        const command = curlCommand(preview)
          .replace("https://api.piriod.com", served.url)
          .replace(API_KEY_PLACEHOLDER, "sk_test_reader")
          .replace(WORKSPACE_PLACEHOLDER, model.workspace);
        const answer = await runCurl(command);
        // The spec's examples name objects the fake starts with.
        expect(answer.status).toBe(
          operation.httpMethod === "POST" ? 201 : operation.httpMethod === "DELETE" ? 204 : 200,
        );
        const received = defined(fake.requests.at(-1), "the request the fake received");
        expect(received.operation).toBe(operation.key);
        expect(received.headers.authorization).toBe("Token [redacted]");
      },
    );
  });
});

describe("the call of the TypeScript client", () => {
  it("makes the client with placeholders, then calls the method with the form's arguments", () => {
    const update = consoleOf("customers.update");
    const args = argsOf(update, { path: { id: "cus_1" }, query: {}, body: '{"name":"Andes","metadata":{"a-b":"x"}}' });
    expect(clientCall(update, args, { testMode: true, validateRequest: false })).toBe(
      [
        `import { createPiriodClient } from "@piriod/api";`,
        "",
        "const piriod = createPiriodClient({",
        `  apiKey: process.env.PIRIOD_API_KEY ?? "",`,
        `  workspace: "<workspace_id>",`,
        "  testMode: true,",
        "  validate: { request: false },",
        "});",
        "",
        `const customer = await piriod.customers.update("cus_1", { name: "Andes", metadata: { "a-b": "x" } });`,
        "console.log(customer);",
        "",
      ].join("\n"),
    );
    const list = consoleOf("customers.list");
    expect(clientCall(list, argsOf(list), { testMode: false, validateRequest: true })).toContain(
      "const page = await piriod.customers.list();\nconsole.log(page.count, page.items, page.hasNextPage());",
    );
    const remove = consoleOf("customers.delete");
    expect(clientCall(remove, argsOf(remove), { testMode: false, validateRequest: true })).toContain(
      `\nawait piriod.customers.delete("cus_01H8XYZ123ABC");\n`,
    );
  });

  it("writes values as literals: bare keys where they can be, one a line when long", () => {
    expect(literal({ a: 1, "b-c": [true, null], d: "x" }, "")).toBe('{ a: 1, "b-c": [true, null], d: "x" }');
    expect(literal({ name: "Comercializadora Andes SpA", address: "Av. Providencia 1234, of. 501" }, "  ")).toBe(
      '{\n    name: "Comercializadora Andes SpA",\n    address: "Av. Providencia 1234, of. 501",\n  }',
    );
    expect(literal([], "")).toBe("[]");
  });

  // The compiler reads the whole client: a minute or more on a busy machine.
  it("compiles for every operation, with the spec's examples and with filters, against the package's types", {
    timeout: 180_000,
  }, async () => {
    const samples = Object.fromEntries(
      model.operations.map((operation) => {
        const values = exampleForm(operation);
        for (const field of operation.query) (values.query as Record<string, string>)[field.name] = field.example ?? "";
        return [
          operation.key.replace(".", "-"),
          clientCall(operation, argsOf(operation, values), { testMode: true, validateRequest: true }),
        ];
      }),
    );
    const diagnostics = await typeCheckSamples(samples, { "@piriod/api": path.join(REPO_ROOT, "src", "index.ts") });
    expect(diagnostics).toEqual([]);
  });
});

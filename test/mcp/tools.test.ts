import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, it } from "vitest";
import { defined } from "../helpers/defined.ts";
import { type McpSession, mcpSession } from "../helpers/mcp-client.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";

// The tools piriod-mcp offers, as the official SDK's client lists them: one per operation of the
// generated table, named, described and typed from the spec, and only those its flags allow.
const CONFIG = { apiKey: "sk_test_mcp", workspace: "acc_01H8XYZ123ABC", baseUrl: "http://127.0.0.1:1", live: false };
const READS = ["customers_list", "customers_retrieve", "contacts_list", "contacts_retrieve"];
const WRITES = ["customers_create", "customers_update", "contacts_create", "contacts_update"];
const DELETES = ["customers_delete", "contacts_delete"];

let session: McpSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function toolsWith(flags: { writes: boolean; deletes: boolean }): Promise<Tool[]> {
  session = await mcpSession({ ...CONFIG, ...flags });
  return (await session.client.listTools()).tools;
}

const named = (tools: Tool[], name: string) =>
  defined(
    tools.find((tool) => tool.name === name),
    name,
  );

describe("the tools listed", () => {
  it("are the reading ones alone by default", async () => {
    const tools = await toolsWith({ writes: false, deletes: false });
    expect(tools.map((tool) => tool.name).sort()).toEqual([...READS].sort());
  });

  it("add create and update with --allow-writes, and no delete", async () => {
    const tools = await toolsWith({ writes: true, deletes: false });
    expect(tools.map((tool) => tool.name).sort()).toEqual([...READS, ...WRITES].sort());
  });

  it("add delete with --allow-deletes, separately from writes", async () => {
    const tools = await toolsWith({ writes: false, deletes: true });
    expect(tools.map((tool) => tool.name).sort()).toEqual([...READS, ...DELETES].sort());
  });

  it("are every operation of the spec with both flags, each named from its x-piriod-method", async () => {
    const tools = await toolsWith({ writes: true, deletes: true });
    const spec = JSON.parse(await readFile(path.join(REPO_ROOT, "generated", "openapi.json"), "utf8")) as {
      paths: Record<string, Record<string, { "x-piriod-method"?: string }>>;
    };
    const methods = Object.values(spec.paths).flatMap((item) =>
      Object.values(item).flatMap((operation) => operation["x-piriod-method"] ?? []),
    );
    expect(tools.map((tool) => tool.name).sort()).toEqual(methods.map((method) => method.replace(".", "_")).sort());
    for (const tool of tools) expect(tool.name).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});

describe("each tool", () => {
  it("says whether it reads, destroys and can be repeated, as the MCP specification's annotations do", async () => {
    const tools = await toolsWith({ writes: true, deletes: true });
    const hints = (name: string) => {
      const { readOnlyHint, destructiveHint, idempotentHint } = defined(named(tools, name).annotations, name);
      return { readOnlyHint, destructiveHint, idempotentHint };
    };
    expect(hints("customers_list")).toEqual({ readOnlyHint: true, destructiveHint: false, idempotentHint: true });
    expect(hints("contacts_retrieve")).toEqual({ readOnlyHint: true, destructiveHint: false, idempotentHint: true });
    expect(hints("customers_create")).toEqual({ readOnlyHint: false, destructiveHint: false, idempotentHint: false });
    expect(hints("customers_update")).toEqual({ readOnlyHint: false, destructiveHint: true, idempotentHint: true });
    expect(hints("contacts_delete")).toEqual({ readOnlyHint: false, destructiveHint: true, idempotentHint: true });
    expect(named(tools, "customers_list").annotations?.title).toBe("List customers");
  });

  it("is described by the spec's summary and description", async () => {
    const tools = await toolsWith({ writes: false, deletes: false });
    const spec = JSON.parse(await readFile(path.join(REPO_ROOT, "generated", "openapi.json"), "utf8"));
    const { summary, description } = spec.paths["/customers/{id}/"].get as { summary: string; description: string };
    expect(named(tools, "customers_retrieve").description).toBe(`${summary}.\n\n${description.trim()}`);
    expect(named(tools, "customers_list").description).toContain("ask for the next with `page`");
  });

  it("takes its path parameters, its query and its body as the spec has them, and nothing else", async () => {
    const tools = await toolsWith({ writes: true, deletes: true });
    const retrieve = named(tools, "customers_retrieve").inputSchema;
    expect(retrieve).toMatchObject({ type: "object", required: ["id"], additionalProperties: false });
    expect(Object.keys(retrieve.properties ?? {})).toEqual(["id"]);
    expect(retrieve.properties?.id).toMatchObject({ type: "string", minLength: 1, examples: ["cus_01H8XYZ123ABC"] });

    const update = named(tools, "customers_update").inputSchema;
    expect(update.required).toEqual(["id", "body"]);
    const body = update.properties?.body as { required: string[]; additionalProperties: boolean; properties: object };
    expect(body.required).toEqual(["name", "address", "country", "state"]);
    expect(body.additionalProperties).toBe(false);
    expect(body.properties).toMatchObject({ email: { type: ["string", "null"], format: "email" } });
    // A tool's schema stands alone: no reference into the spec, none of the generator's extensions.
    expect(JSON.stringify(update)).not.toMatch(/"\$ref"|"x-piriod/);

    const list = named(tools, "customers_list").inputSchema;
    expect(list.required).toEqual([]);
    expect(Object.keys(list.properties ?? {})).toEqual(
      expect.arrayContaining(["page", "page_size", "ordering", "country", "created__gte", "metadata"]),
    );
    expect(list.properties?.created__gte).toMatchObject({ type: "string", format: "date-time" });
    expect(list.properties?.metadata).toMatchObject({ type: "object", additionalProperties: { type: "string" } });
  });

  it("asks a list for a small page, and takes no larger one than the cap", async () => {
    const tools = await toolsWith({ writes: false, deletes: false });
    for (const name of ["customers_list", "contacts_list"])
      expect(named(tools, name).inputSchema.properties?.page_size).toMatchObject({
        type: "integer",
        minimum: 1,
        maximum: 25,
        default: 10,
      });
  });
});

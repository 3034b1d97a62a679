import { mkdtemp, readdir, readFile, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleClient } from "../../scripts/lib/bundle-client.ts";
import { ProjectCopy, REPO_ROOT } from "../helpers/project-copy.ts";

// The package's JavaScript built as it is, and built from a copy whose package.json has no
// piriod-mcp bin: every file but the bin's own is the same, byte for byte. The client's entries
// and the chunks they load owe nothing to the MCP server.
let scratch: string;
let copy: ProjectCopy;
let withServer: Record<string, string>;
let withoutServer: Record<string, string>;

async function built(root: string, outdir: string): Promise<Record<string, string>> {
  await bundleClient(root, outdir, path.join(outdir, "..", "generated"));
  const files: Record<string, string> = {};
  for (const entry of await readdir(outdir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(outdir, file)] = await readFile(file, "utf8");
  }
  return files;
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "piriod-mcp-bundle-"));
  copy = await ProjectCopy.create(["src", "generated", "package.json", "tsconfig.json", "tsconfig.build.json"]);
  await symlink(path.join(REPO_ROOT, "node_modules"), path.join(copy.root, "node_modules"));
  const manifest = JSON.parse(await readFile(path.join(copy.root, "package.json"), "utf8"));
  delete manifest.bin["piriod-mcp"];
  await copy.write("package.json", JSON.stringify(manifest, null, 2));
  withServer = await built(REPO_ROOT, path.join(scratch, "with", "src"));
  withoutServer = await built(copy.root, path.join(scratch, "without", "src"));
}, 120_000);

afterAll(async () => {
  await copy?.remove();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe("the package's JavaScript", () => {
  it("holds the MCP server in its bin's file alone", () => {
    const added = Object.keys(withServer).filter((file) => !(file in withoutServer));
    expect(added).toEqual(["mcp/cli.js"]);
  });

  it("is, but for the bin, the same byte for byte as it would be without the MCP server", () => {
    const clientFiles = Object.fromEntries(Object.entries(withServer).filter(([file]) => file !== "mcp/cli.js"));
    expect(Object.keys(clientFiles).sort()).toEqual(Object.keys(withoutServer).sort());
    for (const [file, text] of Object.entries(clientFiles)) expect(text, file).toBe(withoutServer[file]);
  });

  it("has the bin import the client as consumers do, through the built Node entry", () => {
    const bin = withServer["mcp/cli.js"] ?? "";
    expect(bin.startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(bin).toMatch(/from "#src\/node\.js"/);
    expect(bin).not.toMatch(/^\/\/ src\/(client|call|send|errors)\.ts$/m);
  });
});

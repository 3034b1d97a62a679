import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { validateCustomer, validateCustomerUpdate } from "../../generated/validators.js";
import { defined } from "../helpers/defined.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";
import { chileanCustomer, chileanCustomerUpdate } from "../helpers/spec-examples.ts";

const execFileAsync = promisify(execFile);

describe("validateCustomerUpdate", () => {
  it("accepts the spec's example and returns it as the value", () => {
    const result = validateCustomerUpdate(chileanCustomerUpdate);
    expect(result).toEqual({ ok: true, value: chileanCustomerUpdate });
  });

  it("names each missing required property in its pointer", () => {
    const result = validateCustomerUpdate({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      ["name", "address", "country", "state"].map((field) => ({
        path: `/${field}`,
        keyword: "required",
        params: { missingProperty: field },
        message: `/${field} is required`,
      })),
    );
  });

  it("refuses unknown and read-only fields, naming them", () => {
    const result = validateCustomerUpdate({ ...chileanCustomerUpdate, id: "cus_1", status: "active", nmae: "typo" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.path, error.keyword])).toEqual([
      ["/id", "additionalProperties"],
      ["/status", "additionalProperties"],
      ["/nmae", "additionalProperties"],
    ]);
  });

  it("escapes a property name as JSON Pointer does", () => {
    const result = validateCustomerUpdate({ ...chileanCustomerUpdate, "a/b~c": 1 });
    expect(!result.ok && result.errors[0]?.path).toBe("/a~1b~0c");
  });

  it("counts maxLength in code points, as JSON Schema does", () => {
    expect(validateCustomerUpdate({ ...chileanCustomerUpdate, name: "ñ".repeat(100) }).ok).toBe(true);
    expect(validateCustomerUpdate({ ...chileanCustomerUpdate, address: "🧾".repeat(64) }).ok).toBe(true);
    const result = validateCustomerUpdate({ ...chileanCustomerUpdate, name: "ñ".repeat(101) });
    expect(result.ok ? [] : result.errors).toEqual([
      { path: "/name", keyword: "maxLength", params: { limit: 100 }, message: "/name must be at most 100 characters" },
    ]);
  });

  it("takes null exactly where the schema allows it", () => {
    expect(validateCustomerUpdate({ ...chileanCustomerUpdate, email: null, tax_id: null }).ok).toBe(true);
    const result = validateCustomerUpdate({ ...chileanCustomerUpdate, currency: null });
    expect(result.ok ? [] : result.errors).toEqual([
      { path: "/currency", keyword: "type", params: { type: "string" }, message: "/currency must be string" },
    ]);
    const nullable = validateCustomerUpdate({ ...chileanCustomerUpdate, phone: 56 });
    expect(nullable.ok ? [] : nullable.errors.map((error) => error.message)).toEqual(["/phone must be string or null"]);
  });

  it("checks formats and names the format", () => {
    const result = validateCustomerUpdate({ ...chileanCustomerUpdate, email: "not-an-email", website: "andes.cl" });
    expect(result.ok ? [] : result.errors).toEqual([
      { path: "/email", keyword: "format", params: { format: "email" }, message: "/email must be a valid email" },
      { path: "/website", keyword: "format", params: { format: "uri" }, message: "/website must be a valid uri" },
    ]);
  });

  it("reports every violation at once", () => {
    const result = validateCustomerUpdate({
      name: 1,
      address: "x".repeat(65),
      country: "CL",
      state: 1.5,
      send_invoices: "true",
    });
    expect(result.ok ? [] : result.errors.map((error) => `${error.path} ${error.keyword}`)).toEqual([
      "/name type",
      "/address maxLength",
      "/state type",
      "/send_invoices type",
    ]);
  });

  it.each([null, [], "customer", 42, true])("refuses a body that is not an object (%j)", (body) => {
    const result = validateCustomerUpdate(body);
    expect(result.ok ? [] : result.errors).toEqual([
      { path: "", keyword: "type", params: { type: "object" }, message: "body must be object" },
    ]);
  });

  it("lets metadata and tax_settings hold any keys", () => {
    const body = {
      ...chileanCustomerUpdate,
      metadata: { a: 1, b: { c: [true] } },
      tax_settings: { regime: "general" },
    };
    expect(validateCustomerUpdate(body).ok).toBe(true);
  });
});

describe("validateCustomer", () => {
  it("accepts the spec's example", () => {
    expect(validateCustomer(chileanCustomer)).toEqual({ ok: true, value: chileanCustomer });
  });

  it("tolerates fields Piriod may add later (the response schema is open)", () => {
    expect(validateCustomer({ ...chileanCustomer, loyalty_tier: "gold" }).ok).toBe(true);
  });

  it("requires what the page marks required, and the id, created and updated every response has", () => {
    const { name, address, country, state, id, created, updated } = chileanCustomer;
    expect(validateCustomer({ name, address, country, state, id, created, updated }).ok).toBe(true);
    const result = validateCustomer({ name, address, country, state });
    expect(result.ok ? [] : result.errors.map((error) => `${error.path} ${error.keyword}`)).toEqual([
      "/id required",
      "/created required",
      "/updated required",
    ]);
  });

  it("points into nested objects and arrays", () => {
    const result = validateCustomer({
      ...chileanCustomer,
      country: { name: "Chile" },
      status: "deleted",
      contacts: [{ ...defined(chileanCustomer.contacts?.[0], "the example's contact"), email: "nope" }],
      created: "yesterday",
    });
    expect(result.ok ? [] : result.errors.map((error) => `${error.path} ${error.keyword}`)).toEqual([
      "/country/id required",
      "/status enum",
      "/contacts/0/email format",
      "/created format",
    ]);
    expect(result.ok ? [] : result.errors[1]?.message).toBe('/status must be one of "active", "archived", "pending"');
  });
});

describe("the generated validator modules", () => {
  const dir = path.join(REPO_ROOT, "generated");

  it("import no package and compile no code when loaded: only each other and the runtime in src/", async () => {
    const modules = (await readdir(dir, { recursive: true }))
      .map(String)
      .filter((name) => /^validators(\.js$|\/.*\.js$)/.test(name));
    expect(modules).toContain("validators.js");
    expect(modules).toContain("validators/customer.js");
    for (const file of modules) {
      const code = await readFile(path.join(dir, file), "utf8");
      const specifiers = [...code.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"/gm)].map((match) =>
        defined(match[1], `a specifier in ${file}`),
      );
      expect(
        specifiers.filter((specifier) => !/^\.\/|^(\.\.\/)+src\/validator-(runtime|formats)\.js$/.test(specifier)),
        file,
      ).toEqual([]);
      expect(code, file).not.toMatch(/createRequire|new Function|\beval\(|\bimport\(/);
    }
  });

  it("run where no package is installed, as the package ships them", async () => {
    const dist = path.join(REPO_ROOT, "dist");
    if (!existsSync(path.join(dist, "generated", "validators.js")))
      throw new Error("dist/ is missing: run `npm run build` before this test");
    // A copy outside the project has no node_modules above it: any import of ajv would fail.
    const isolated = await mkdtemp(path.join(tmpdir(), "piriod-validators-"));
    try {
      await writeFile(path.join(isolated, "package.json"), '{ "type": "module" }\n');
      await cp(dist, isolated, { recursive: true });
      const script = `import("./generated/validators.js").then((v) => console.log(JSON.stringify(v.validateCustomerUpdate({ name: "ñ".repeat(101) }))))`;
      const { stdout } = await execFileAsync(process.execPath, ["--input-type=module", "-e", script], {
        cwd: isolated,
      });
      const result = JSON.parse(stdout);
      expect(result.ok).toBe(false);
      expect(result.errors.map((error: { path: string }) => error.path)).toEqual([
        "/address",
        "/country",
        "/state",
        "/name",
      ]);
    } finally {
      await rm(isolated, { recursive: true, force: true });
    }
  });
});

import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { defined } from "../helpers/defined.ts";
import { installedPackage } from "../helpers/installed-package.ts";
import { execFileAsync } from "../helpers/packed-package.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";
import { webhookVector } from "../helpers/webhook-vectors.ts";

// The package as another team gets it: packed by npm, installed from the tarball into a fresh
// project and run there (consumer-types.test.ts type-checks it there). Its dependencies are
// packed from this repository's node_modules, so the install needs neither the network nor what
// npm's cache happens to hold.

/** Each entry of the package, as a consumer's code loads it into `api`. */
const WAYS_TO_LOAD = [
  ["import of @piriod/api", `const api = await import("@piriod/api");`, {}],
  ["import of @piriod/api/node", `const api = await import("@piriod/api/node");`, {}],
  // The entry of browsers and workers, which Node gives under their condition.
  ["import under the browser condition", `const api = await import("@piriod/api");`, { conditions: ["browser"] }],
  ["require", `const api = require("@piriod/api");`, { commonjs: true }],
] as const;

describe("the packed package", () => {
  it("ships dist/ and the package's own documents, nothing else", () => {
    const { packed } = installedPackage();
    const outside = packed.files.filter(
      (file) => !file.startsWith("dist/") && !["package.json", "README.md", "LICENSE", "CHANGELOG.md"].includes(file),
    );
    expect(outside).toEqual([]);
    expect(packed.files).toEqual(
      expect.arrayContaining([
        "dist/src/index.js",
        "dist/src/node.js",
        "dist/generated/validators.js",
        "dist/generated/operations.js",
        "dist/generated/openapi.json",
      ]),
    );
    expect(packed.files.some((file) => /site\/|test\/|\.test\.|screenshot/.test(file))).toBe(false);
  });

  it("installs from its own tarball and its dependencies' tarballs alone, as the lockfile pinned them", async () => {
    const { consumer } = installedPackage();
    const lock = JSON.parse(await readFile(path.join(consumer.root, "package-lock.json"), "utf8")) as {
      packages: Record<string, { version?: string; resolved?: string }>;
    };
    const entries = Object.entries(lock.packages).filter(([where]) => where !== "");
    expect(entries.length).toBeGreaterThan(1);
    for (const [where, entry] of entries) expect(entry.resolved, where).toMatch(/^file:.*\.tgz$/);
    const { dependencies } = JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    for (const name of Object.keys(dependencies)) {
      const pinned = JSON.parse(await readFile(path.join(REPO_ROOT, "node_modules", name, "package.json"), "utf8")) as {
        version: string;
      };
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(pinned.version);
    }
    // npm ls fails on a dependency that is missing or outside its declared range.
    const { stdout } = await execFileAsync("npm", ["ls", "--all", "--offline"], { cwd: consumer.root });
    expect(stdout).toContain("@piriod/api@");
  });

  it("loads with import and with require", async () => {
    const { consumer } = installedPackage();
    const esm = await consumer.node(
      `const api = await import("@piriod/api"); const v = await import("@piriod/api/validators");` +
        `const spec = await import("@piriod/api/openapi.json", { with: { type: "json" } });` +
        `console.log(typeof api.createPiriodClient, typeof v.validateCustomerUpdate, spec.default.info.title);`,
    );
    expect(esm.trim()).toBe("function function Piriod API");
    const cjs = await consumer.node(
      `const api = require("@piriod/api"); console.log(typeof api.createPiriodClient, typeof api.PiriodApiError);`,
      { commonjs: true },
    );
    expect(cjs.trim()).toBe("function function");
  });

  it("exports at run time every converter the spec declares, through each entry and through require", async () => {
    const { consumer } = installedPackage();
    // What generated/converters.js exports, as the package ships it: the names each entry must re-export.
    const shipped = path.join(consumer.root, "node_modules", "@piriod", "api", "dist", "generated", "converters.js");
    const converters = Object.keys((await import(pathToFileURL(shipped).href)) as object);
    expect(converters).toEqual(expect.arrayContaining(["toCustomerUpdate", "toContactUpdate"]));
    for (const [way, load, options] of WAYS_TO_LOAD) {
      const types = await consumer.node(
        `${load} console.log(JSON.stringify(${JSON.stringify(converters)}.map((name) => typeof api[name])));`,
        options,
      );
      expect(JSON.parse(types), way).toEqual(converters.map(() => "function"));
    }
  });

  it("verifies webhooks as Python signs them, through each entry and through require", async () => {
    const { consumer } = installedPackage();
    const documented = webhookVector("documented");
    const deliveries = [
      documented,
      webhookVector("integer-like keys keep the text's order"),
      webhookVector("non-ASCII text as escapes"),
      webhookVector("non-ASCII secret"),
      { ...documented, body: documented.body.replace("pay_123", "pay_124") },
    ].map(({ body, signature, secret }) => ({ body, signature, secret }));
    for (const [way, load, options] of WAYS_TO_LOAD) {
      const outcomes = await consumer.node(
        `(async () => { ${load} const outcomes = [];` +
          `for (const delivery of ${JSON.stringify(deliveries)}) outcomes.push(await api.verifyWebhook(delivery).then(` +
          `(event) => event, (error) => error instanceof api.PiriodWebhookSignatureError && error.reason));` +
          `console.log(JSON.stringify(outcomes)); })();`,
        options,
      );
      expect(JSON.parse(outcomes), way).toEqual([
        { event: "payment.created", object_id: "pay_123" },
        "fields",
        { event: "payment.created", object_id: "pay_ñandú_€_😀" },
        { event: "payment.created", object_id: "pay_123" },
        "mismatch",
      ]);
    }
  });

  it.each([
    ["a bundler for browsers", { platform: "browser" }, "dist/src/index.js"],
    [
      "a bundler for Cloudflare workers",
      { platform: "neutral", conditions: ["workerd", "worker", "browser"] },
      "dist/src/index.js",
    ],
    ["a bundler for Deno", { platform: "neutral", conditions: ["deno"] }, "dist/src/deno-and-bun.js"],
    ["a bundler for Bun", { platform: "neutral", conditions: ["bun"] }, "dist/src/deno-and-bun.js"],
    ["a bundler for Node", { platform: "node" }, "dist/src/node.js"],
  ] as const)("gives %s the entry meant for it", async (_bundler, options, expected) => {
    const { consumer } = installedPackage();
    const result = await build({
      stdin: { contents: `export { createPiriodClient } from "@piriod/api";`, resolveDir: consumer.root },
      bundle: true,
      format: "esm",
      write: false,
      metafile: true,
      splitting: true,
      outdir: "out",
      logLevel: "silent",
      ...options,
      conditions: "conditions" in options ? [...options.conditions] : undefined,
    });
    // The client's entries; beside them a bundle holds the modules of src/ that the generated code imports (write-body.js).
    const entries = Object.keys(result.metafile.inputs).filter((input) =>
      /node_modules\/@piriod\/api\/dist\/src\/(index|node|deno-and-bun)\.js$/.test(input),
    );
    expect(entries.map((input) => input.replace(/^.*node_modules\/@piriod\/api\//, ""))).toEqual([expected]);
  });

  it.each([
    ["browser", ["browser"], false],
    ["worker", ["workerd", "worker", "browser"], false],
    ["Deno", ["deno"], true],
  ] as const)("a bundle for a %s (conditions %j) reads the environment: %s", async (_runtime, conditions, reads) => {
    const { consumer } = installedPackage();
    const result = await build({
      stdin: {
        contents: `import { createPiriodClient } from "@piriod/api"; export const piriod = () => createPiriodClient({ apiKey: "sk", workspace: "acc" });`,
        resolveDir: consumer.root,
      },
      bundle: true,
      format: "esm",
      write: false,
      splitting: true,
      outdir: "out",
      logLevel: "silent",
      platform: "neutral",
      conditions: [...conditions],
    });
    const text = result.outputFiles.map((file) => file.text).join("\n");
    expect(text.includes("PIRIOD_API_KEY")).toBe(reads);
  });

  it("names its own version in the User-Agent, as the build wrote it into dist/", async () => {
    const { consumer } = installedPackage();
    const { version } = JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    const output = await consumer.node(
      `import { createPiriodClient } from "@piriod/api";` +
        `let agent;` +
        `const fetch = async (request) => { agent = request.headers.get("user-agent"); return new Response("{}", { status: 404 }); };` +
        `await createPiriodClient({ apiKey: "sk_test_123", workspace: "acc_1", maxRetries: 0, fetch }).customers.retrieve("cus_1").catch(() => {});` +
        `console.log(agent);`,
    );
    expect(output.trim()).toBe(`@piriod/api/${version} (node/${process.versions.node})`);
  });

  it("sends a PATCH to a local server through the installed package", async () => {
    const { consumer } = installedPackage();
    const seen: { method?: string; url?: string; headers: IncomingMessage["headers"]; body: string }[] = [];
    const server: Server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        seen.push({ method: request.method, url: request.url, headers: request.headers, body });
        response.writeHead(200, { "content-type": "application/json" });
        response.end(
          JSON.stringify({ ...JSON.parse(body), country: { id: "CL" }, state: { id: 13 }, id: "cus_01H8XYZ123ABC" }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const output = await consumer.node(
        `import { createPiriodClient } from "@piriod/api";` +
          `const piriod = createPiriodClient({ apiKey: "sk_test_123", workspace: "acc_01H8XYZ123ABC", baseUrl: "http://127.0.0.1:${port}" });` +
          `const customer = await piriod.customers.update("cus_01H8XYZ123ABC", { name: "Andes SpA", address: "Av. Providencia 1234", country: "CL", state: 13 });` +
          `console.log(customer.id, customer.country.id);`,
      );
      expect(output.trim()).toBe("cus_01H8XYZ123ABC CL");
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ method: "PATCH", url: "/customers/cus_01H8XYZ123ABC/" });
      const { headers } = defined(seen[0], "the request the server saw");
      expect(headers.authorization).toBe("Token sk_test_123");
      expect(headers["x-simple-workspace"]).toBe("acc_01H8XYZ123ABC");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/prism-server.ts";
import { CONTROL_ROUTES } from "../../src/testing/control-api.ts";
import { defined } from "../helpers/defined.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";
import { printedCurlCommands, runCurl } from "../helpers/run-curl.ts";
import { runMockScript, type ServingCommand } from "../helpers/serving-command.ts";

// The `piriod-fake` command's flags and control API, used as a test in another process uses them:
// over HTTP, with the command run from source (`npm run mock`, the same serveCommand as the bin).
const URL_LINE = /listening on (http:\/\/127\.0\.0\.1:(\d+))[ \n]/;
const CUSTOMER = { name: "Andes SpA", address: "Av. Providencia 1234", country: "CL", state: 13 };

/** An address of this machine that is not loopback: how a container next door reaches it. */
function outsideAddress(): string {
  const address = Object.values(os.networkInterfaces())
    .flat()
    .find((entry) => entry?.family === "IPv4" && !entry.internal)?.address;
  return defined(address, "a non-loopback IPv4 address of this machine (a network interface besides lo)");
}

describe("the piriod-fake command", () => {
  const started: ServingCommand[] = [];
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "piriod-fake-command-"));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });
  afterEach(async () => {
    for (const script of started.splice(0)) await script.kill();
  });

  /** Starts the command on a free port with `args`, once it says where it listens. */
  async function serving(...args: string[]) {
    const port = await freePort();
    const script = runMockScript(["--port", String(port), ...args]);
    started.push(script);
    const [, url] = await script.waitForOutput(URL_LINE);
    return { script, port, url: defined(url, "the URL it listens on") };
  }

  /** The command run to its end with `args`. */
  async function ended(...args: string[]) {
    const script = runMockScript(args);
    started.push(script);
    return { ...(await script.exited), stdout: script.stdout, stderr: script.stderr };
  }

  const call = (url: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
    fetch(url, {
      ...init,
      headers: {
        authorization: "Token sk_test_fake",
        "x-simple-workspace": "acc_01H8XYZ123ABC",
        ...(init.body ? { "content-type": "application/json" } : {}),
        ...init.headers,
      },
    });

  it("lists every flag and shows the control API with curl in its help", async () => {
    const { code, stdout } = await ended("--help");
    expect(code).toBe(0);
    for (const flag of [
      "-p, --port N",
      "--host ADDRESS",
      "--seed FILE",
      "--api-key KEY",
      "--workspace ID",
      "--cors-origin ORIGIN",
      "--control-token TOKEN",
      "--max-requests N",
      "--request-ids",
    ])
      expect(stdout).toContain(flag);
    // One example for each route the control API serves, in its order: a route added without one fails here.
    const shown = printedCurlCommands(stdout).map((command) => {
      const [, method = "GET", url = ""] = command.match(/^curl (?:-X (\w+) )?(\S+)/) ?? [];
      return `${method} ${new URL(url).pathname}`;
    });
    expect(shown).toEqual(CONTROL_ROUTES);
  });

  it("is shown in docs/testing.md as its help shows it: every flag, and the same curl commands", async () => {
    const { stdout } = await ended("--help");
    const page = await readFile(path.join(REPO_ROOT, "docs", "testing.md"), "utf8");
    const flags = [...stdout.matchAll(/^ +((?:-\w, )?--[\w-]+(?: [A-Z]+)?) {2}/gm)].map(([, flag]) =>
      defined(flag, "a flag of the help"),
    );
    expect(flags.length).toBeGreaterThan(8);
    for (const flag of flags.filter((flag) => !flag.endsWith("--help"))) expect(page).toContain(`| \`${flag}\` |`);
    const section = page.slice(page.indexOf("### The control API"));
    expect(printedCurlCommands(section)).toEqual(printedCurlCommands(stdout));
  });

  it("runs its help's control API examples as printed, against a fake on that port", async () => {
    const { stdout } = await ended("--help");
    const { url } = await serving();
    const expected: Record<string, number> = {
      seed: 201,
      "fail-next": 204,
      reset: 204,
      requests: 200,
      webhooks: 201,
      "webhooks/send": 200,
      "webhooks/deliveries": 200,
      "webhooks/enable": 204,
    };
    for (const command of printedCurlCommands(stdout)) {
      const route = defined(command.match(/__piriod-fake\/([\w/-]+)/)?.[1], "the control route of an example");
      const result = await runCurl(command.replaceAll("http://127.0.0.1:4010", url));
      expect([route, result.status, result.body]).toEqual([route, expected[route], expect.any(String)]);
    }
  });

  it("seeds, fails, reads and resets the fake from another process through the control API", async () => {
    const { url } = await serving();
    const seeded = await call(`${url}/__piriod-fake/seed`, {
      method: "POST",
      body: JSON.stringify({ customers: [{ ...CUSTOMER, id: "cus_SEEDED" }] }),
      headers: { "x-piriod-test-mode": "true" },
    });
    expect(seeded.status).toBe(201);
    expect(await seeded.json()).toMatchObject({ customers: [{ id: "cus_SEEDED", test_mode: true }] });
    expect((await call(`${url}/customers/cus_SEEDED/`, { headers: { "x-piriod-test-mode": "true" } })).status).toBe(
      200,
    );
    expect((await call(`${url}/customers/cus_SEEDED/`)).status).toBe(404);

    const failing = await call(`${url}/__piriod-fake/fail-next`, {
      method: "POST",
      body: JSON.stringify({ operation: "customers.list", status: 503, headers: { "retry-after": "1" } }),
    });
    expect(failing.status).toBe(204);
    const failed = await call(`${url}/customers/`);
    expect([failed.status, failed.headers.get("retry-after")]).toEqual([503, "1"]);

    const requests = await (await fetch(`${url}/__piriod-fake/requests`)).json();
    expect(
      requests.map(({ method, path: at, status }: Record<string, unknown>) => `${method} ${at} ${status}`),
    ).toEqual(["GET /customers/cus_SEEDED/ 200", "GET /customers/cus_SEEDED/ 404", "GET /customers/ 503"]);
    expect(JSON.stringify(requests)).not.toContain("sk_test_fake");

    expect((await fetch(`${url}/__piriod-fake/reset`, { method: "POST" })).status).toBe(204);
    expect(await (await fetch(`${url}/__piriod-fake/requests`)).json()).toEqual([]);
    const examples = await (await call(`${url}/customers/`)).json();
    expect(examples.results.map(({ id }: { id: string }) => id)).toEqual(["cus_01H8XYZ123ABC"]);
  });

  it("answers the control API's mistakes with 400, 404 and 405, naming the rule", async () => {
    const { url } = await serving();
    const answer = async (response: Response) => [response.status, (await response.json()).detail];
    expect(
      await answer(await call(`${url}/__piriod-fake/seed`, { method: "POST", body: '{"customers":[{"name":1}]}' })),
    ).toEqual([
      400,
      "seed: customers[0] is not a valid Customer: /address is required; /country is required; /state is required; /name must be string",
    ]);
    expect(
      await answer(
        await call(`${url}/__piriod-fake/fail-next`, {
          method: "POST",
          body: '{"operation":"customers.list","status":101}',
        }),
      ),
    ).toEqual([400, "failNext: status must be a whole number from 200 to 599, not 101"]);
    expect(await answer(await call(`${url}/__piriod-fake/seed`, { method: "POST", body: "{" }))).toEqual([
      400,
      "The body must be JSON.",
    ]);
    expect(await answer(await fetch(`${url}/__piriod-fake/reset`))).toEqual([405, 'Method "GET" not allowed.']);
    expect(await answer(await fetch(`${url}/__piriod-fake/webhook`))).toEqual([
      404,
      "No such control endpoint; there are POST /__piriod-fake/seed, POST /__piriod-fake/fail-next, POST /__piriod-fake/reset, GET /__piriod-fake/requests, POST /__piriod-fake/webhooks, POST /__piriod-fake/webhooks/send, GET /__piriod-fake/webhooks/deliveries, POST /__piriod-fake/webhooks/enable.",
    ]);
  });

  it("starts from --seed FILE instead of the examples, and goes back to it on reset", async () => {
    const file = path.join(folder, "seed.json");
    await writeFile(file, JSON.stringify({ customers: [{ ...CUSTOMER, id: "cus_FROMFILE" }] }));
    const { url, script } = await serving("--seed", file);
    const ids = async () =>
      (await (await call(`${url}/customers/`)).json()).results.map(({ id }: { id: string }) => id);
    expect(await ids()).toEqual(["cus_FROMFILE"]);
    await call(`${url}/customers/`, { method: "POST", body: JSON.stringify(CUSTOMER) });
    expect(await ids()).toHaveLength(2);
    await fetch(`${url}/__piriod-fake/reset`, { method: "POST" });
    expect(await ids()).toEqual(["cus_FROMFILE"]);
    // Its printed examples read the seeded customer, and work.
    const [read] = printedCurlCommands(script.stdout);
    expect((await runCurl(defined(read, "the command that reads a customer"))).status).toBe(200);
  });

  it("refuses ids outside --catalogue, asks for --account-country's tax_id, and reads bodies --strict", async () => {
    const file = path.join(folder, "catalogue.json");
    await writeFile(
      file,
      JSON.stringify({
        countries: [{ id: "CL", name: "Chile", has_regulation: true }],
        states: [{ id: 13, name: "Región Metropolitana de Santiago", country: "CL" }],
      }),
    );
    const { url } = await serving("--catalogue", file, "--account-country", "CL", "--strict");
    const create = async (body: object) => {
      const response = await call(`${url}/customers/`, { method: "POST", body: JSON.stringify(body) });
      return [response.status, await response.json()];
    };
    expect(await create({ ...CUSTOMER, state: 99 })).toEqual([
      400,
      { state: ['Invalid pk "99" - object does not exist.'] },
    ]);
    expect(await create(CUSTOMER)).toEqual([400, { tax_id: ["This field is required."] }]);
    expect(await create({ ...CUSTOMER, tax_id: "76.086.428-5", state: "13" })).toEqual([
      400,
      { state: ["A valid integer is required."] },
    ]);
  });

  it("seeds through the control API with what a delete does: seed?onDelete=archive", async () => {
    const { url } = await serving();
    const seeded = await fetch(`${url}/__piriod-fake/seed?onDelete=archive`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-simple-workspace": "acc_01H8XYZ123ABC" },
      body: JSON.stringify({ customers: [{ ...CUSTOMER, id: "cus_ARCHIVED" }] }),
    });
    expect(seeded.status).toBe(201);
    expect((await call(`${url}/customers/cus_ARCHIVED/`, { method: "DELETE" })).status).toBe(204);
    expect((await (await call(`${url}/customers/cus_ARCHIVED/`)).json()).status).toBe("archived");
    const wrong = await fetch(`${url}/__piriod-fake/seed?onDelete=keep`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ customers: [CUSTOMER] }),
    });
    expect([wrong.status, (await wrong.json()).detail]).toEqual([
      400,
      'seed: onDelete must be "delete", "archive" or "refuse", not "keep"',
    ]);
  });

  it("accepts only --api-key and the --workspace ids given, seeding into the first", async () => {
    const { url, script } = await serving(
      "--api-key",
      "sk_test_team",
      "--workspace",
      "acc_ONE",
      "--workspace",
      "acc_TWO",
    );
    const as = (key: string, workspace: string) =>
      call(`${url}/customers/`, { headers: { authorization: `Token ${key}`, "x-simple-workspace": workspace } });
    expect((await as("sk_test_fake", "acc_ONE")).status).toBe(401);
    expect((await as("sk_test_team", "acc_THREE")).status).toBe(403);
    expect((await (await as("sk_test_team", "acc_ONE")).json()).count).toBe(1);
    expect((await (await as("sk_test_team", "acc_TWO")).json()).count).toBe(0);
    // A seed into a workspace it refuses is refused too: no call could read it.
    const elsewhere = await fetch(`${url}/__piriod-fake/seed`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-simple-workspace": "acc_THREE" },
      body: JSON.stringify({ customers: [CUSTOMER] }),
    });
    expect([elsewhere.status, (await elsewhere.json()).detail]).toEqual([
      400,
      'seed: workspace "acc_THREE" is not one the fake accepts (acc_ONE, acc_TWO)',
    ]);
    // Its printed examples use that key and workspace, and work.
    for (const command of printedCurlCommands(script.stdout).slice(0, 3))
      expect((await runCurl(command)).status).toBeLessThan(300);
  });

  it("sends an x-request-id with every answer with --request-ids (and none without, below)", async () => {
    const { url } = await serving("--request-ids");
    const answers = [await call(`${url}/customers/`), await call(`${url}/customers/cus_missing/`)];
    const ids = answers.map((answer) => answer.headers.get("x-request-id"));
    expect(ids).toEqual([expect.stringMatching(/^req_\w+$/), expect.stringMatching(/^req_\w+$/)]);
    expect(new Set(ids).size).toBe(2);
    const requests = await (await fetch(`${url}/__piriod-fake/requests`)).json();
    expect(requests.map(({ requestId }: { requestId?: string }) => requestId)).toEqual(ids);
  });

  it("keeps the newest --max-requests requests, and sends no x-request-id without --request-ids", async () => {
    const { url } = await serving("--max-requests", "2");
    for (const size of [1, 2, 3])
      expect((await call(`${url}/customers/?page_size=${size}`)).headers.get("x-request-id")).toBeNull();
    const requests = await (await fetch(`${url}/__piriod-fake/requests`)).json();
    expect(requests.map(({ query }: { query: Record<string, string> }) => query.page_size)).toEqual(["2", "3"]);
  });

  it("answers a preflight from any origin with the client's headers when bound to loopback, and lets the page read the answer", async () => {
    const { url } = await serving();
    const preflight = await fetch(`${url}/customers/`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type,x-simple-workspace,x-piriod-test-mode",
      },
    });
    expect(preflight.status).toBe(204);
    expect(Object.fromEntries(preflight.headers)).toMatchObject({
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
      "access-control-allow-headers": "authorization, content-type, x-simple-workspace, x-piriod-test-mode",
    });
    const answer = await call(`${url}/customers/`, { headers: { origin: "http://localhost:5173" } });
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(answer.headers.get("access-control-expose-headers")).toContain("content-type");
  });

  it("answers only the --cors-origin pages given", async () => {
    const { url } = await serving("--cors-origin", "http://localhost:5173");
    const from = async (origin: string) =>
      (await call(`${url}/customers/`, { headers: { origin } })).headers.get("access-control-allow-origin");
    expect(await from("http://localhost:5173")).toBe("http://localhost:5173");
    expect(await from("http://localhost:3000")).toBeNull();
  });

  it("binds --host 0.0.0.0 for a client elsewhere, whose Host its links use; with no CORS, and no control API without a token", async () => {
    const address = outsideAddress();
    const { port } = await serving("--host", "0.0.0.0");
    const outside = `http://${address}:${port}`;
    const page = await call(`${outside}/customers/?page_size=1`, { headers: { origin: "http://localhost:5173" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("access-control-allow-origin")).toBeNull();
    expect((await page.json()).results).toHaveLength(1);
    await call(`${outside}/customers/`, { method: "POST", body: JSON.stringify(CUSTOMER) });
    expect((await (await call(`${outside}/customers/?page_size=1`)).json()).next).toBe(
      `${outside}/customers/?page_size=1&page=2`,
    );
    const control = await fetch(`${outside}/__piriod-fake/reset`, { method: "POST" });
    expect([control.status, (await control.json()).detail]).toEqual([
      403,
      "The control API answers only this machine, unless the fake was started with a control token (--control-token).",
    ]);
  });

  it("binds 127.0.0.1 by default: another address of this machine is refused", async () => {
    const { port } = await serving();
    await expect(fetch(`http://${outsideAddress()}:${port}/customers/`)).rejects.toThrow(TypeError);
  });

  it("asks every control call for --control-token, from anywhere, and prints no token", async () => {
    const { port, script } = await serving("--host", "0.0.0.0", "--control-token", "ct_s3cret");
    const outside = `http://${outsideAddress()}:${port}/__piriod-fake/reset`;
    const refused = await fetch(outside, { method: "POST" });
    expect([refused.status, (await refused.json()).detail]).toEqual([
      401,
      "The control API needs Authorization: Bearer <the control token>.",
    ]);
    expect((await fetch(outside, { method: "POST", headers: { authorization: "Bearer ct_wrong" } })).status).toBe(401);
    expect((await fetch(outside, { method: "POST", headers: { authorization: "Bearer ct_s3cret" } })).status).toBe(204);
    expect(script.stdout).not.toContain("ct_s3cret");
  });

  it.each([
    [["--max-requests", "0"], 'piriod-fake: --max-requests must be a whole number, 1 or more, not "0"'],
    [["--seed"], "piriod-fake: --seed needs a value (FILE)"],
    [["--seed", "/nonexistent/seed.json"], "piriod-fake: --seed /nonexistent/seed.json: ENOENT"],
    [["--api-key", "a", "--api-key", "b"], "piriod-fake: --api-key may be given once"],
    [["--help=yes"], "piriod-fake: --help takes no value"],
    [["--cors-origin", "localhost:5173"], 'piriod-fake: listen: corsOrigins: "localhost:5173" is not an origin'],
    [["--control-token", "two words"], "piriod-fake: listen: controlToken must be a non-empty string without spaces"],
  ])("refuses %j with exit code 2, the rule and the usage", async (args, message) => {
    const { code, stderr, stdout } = await ended(...args);
    expect(code).toBe(2);
    expect(stderr.startsWith(message), stderr).toBe(true);
    expect(stderr).toContain("Usage: npm run mock [-- options]");
    expect(stdout).toBe("");
  });

  it("refuses a --seed FILE that is no JSON, or holds objects the schema refuses, naming the file", async () => {
    const broken = path.join(folder, "broken.json");
    await writeFile(broken, "{ customers: [] }");
    expect((await ended("--seed", broken)).stderr).toMatch(new RegExp(`^piriod-fake: --seed ${broken}: not JSON: `));
    const invalid = path.join(folder, "invalid.json");
    await writeFile(invalid, JSON.stringify({ customers: [{ name: "Half" }] }));
    expect((await ended("--seed", invalid)).stderr).toMatch(
      `piriod-fake: --seed ${invalid}: seed: customers[0] is not a valid Customer: /address is required`,
    );
  });
});

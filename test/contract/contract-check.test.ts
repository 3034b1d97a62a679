import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/prism-server.ts";
import type { Difference } from "../../src/contract-check/compare.ts";
import type { ContractCheckReport } from "../../src/contract-check/run.ts";
import { createPiriodFake } from "../../src/testing/index.ts";
import { runContractCheckCommand } from "../helpers/contract-check-command.ts";
import { defined } from "../helpers/defined.ts";
import { type Drift, type Exchange, startDriftingServer } from "../helpers/drifting-server.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";
import { runMockScript } from "../helpers/serving-command.ts";

// `piriod-contract-check` run as a command, from source, against Piriods served over HTTP on this
// machine: the fake, and servers that drift from the spec on purpose.
const KEY = "sk_test_contract_Zr81Kq";
const WORKSPACE = "acc_01H8XYZ123ABC";

/** Piriod as these servers play it: the key, and the countries and states of the spec's examples it knows. */
const PIRIOD = {
  apiKey: KEY,
  countries: [
    { id: "CL", name: "Chile", has_regulation: true },
    { id: "MX", name: "México", has_regulation: true },
  ],
  states: [
    { id: 13, name: "Región Metropolitana de Santiago", country: "CL" },
    { id: 14, name: "Jalisco", country: "MX" },
  ],
};

type Closable = { url: string; close(): Promise<void> };
const servers: Closable[] = [];
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "piriod-contract-check-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function served<T extends Closable>(server: Promise<T>): Promise<T> {
  const started = await server;
  servers.push(started);
  return started;
}

const check = (url: string, ...args: string[]) =>
  runContractCheckCommand(["--base-url", url, "--workspace", WORKSPACE, ...args], KEY);

const classOf = (report: ContractCheckReport, id: string) =>
  report.differences.find((difference) => difference.id === id)?.class;

/** Each customer an answer holds: the object itself, or a page's results. */
function customersIn({ path: where, status, body }: Exchange): Record<string, unknown>[] {
  if (!where.startsWith("/customers/") || status >= 300 || body === null || typeof body !== "object") return [];
  const { results } = body as { results?: unknown };
  return (Array.isArray(results) ? results : [body]) as Record<string, unknown>[];
}

const renamedField: Drift = (exchange) => {
  for (const customer of customersIn(exchange))
    if ("email" in customer) {
      customer.email_address = customer.email;
      delete customer.email;
    }
  return undefined;
};
const stringForInteger: Drift = (exchange) => {
  for (const customer of customersIn(exchange)) {
    const state = customer.state as { id?: unknown } | undefined;
    if (typeof state?.id === "number") state.id = String(state.id);
  }
  return undefined;
};
const anotherStatus: Drift = ({ method, path: where, status }) =>
  method === "GET" && /^\/customers\/[^/]+\/$/.test(where) && status === 404 ? { status: 400 } : undefined;
const anotherErrorShape: Drift = ({ status, body }) => {
  const [message] = (body as { non_field_errors?: string[] } | undefined)?.non_field_errors ?? [];
  return status === 400 && message !== undefined ? { body: { detail: message } } : undefined;
};
/** An unknown state refused as a whole rather than under its field. */
const unknownStateOtherShape: Drift = ({ method, path: where, status, body }) => {
  const state = (body as { state?: unknown } | undefined)?.state;
  if (method !== "POST" || where !== "/customers/" || status !== 400 || !Array.isArray(state)) return undefined;
  return { body: { detail: String(state[0]) } };
};
const nextPageTooMany: Drift = ({ method, path: where, query, status, body }) => {
  const page = body as { next?: unknown } | undefined;
  if (method !== "GET" || where !== "/customers/" || status !== 200 || query.get("page_size") !== "1") return undefined;
  if (page?.next === null)
    page.next = `https://api.piriod.com/customers/?page=${Number(query.get("page") ?? 1) + 1}&page_size=1`;
  return undefined;
};
/** A 401 in words of its own. */
const wordedOtherwise: Drift = ({ status }) => (status === 401 ? { body: { detail: "Invalid API key." } } : undefined);
/** A 404 that echoes the request's key. */
const echoesTheKey: Drift = ({ status, headers }) =>
  status === 404 ? { body: { detail: `Nothing here for ${headers.get("authorization")}.` } } : undefined;

describe("piriod-contract-check", () => {
  it("against the fake served over HTTP with a catalogue of countries and states, finds nothing and exits 0", async () => {
    const fake = createPiriodFake(PIRIOD);
    const server = await served(fake.listen());
    const { code, stdout, stderr } = await check(server.url, "--json");
    const report = JSON.parse(stdout) as ContractCheckReport;
    expect(stderr).toBe("");
    expect(report.differences.map(({ id, class: kind }) => `${kind} ${id}`)).toEqual([]);
    expect([code, report.verdict]).toEqual([0, "pass"]);
    // Everything it made is gone, and it worked in test mode alone.
    expect(report.cleanup.every(({ status }) => status === 204)).toBe(true);
    expect(fake.requests.length).toBeGreaterThan(30);
    expect(fake.requests.every(({ headers }) => headers["x-piriod-test-mode"] === "true")).toBe(true);
    const left = await fetch(`${server.url}/customers/`, {
      headers: { authorization: `Token ${KEY}`, "x-simple-workspace": WORKSPACE, "x-piriod-test-mode": "true" },
    });
    expect(await left.json()).toMatchObject({ count: 0 });
  }, 120_000);

  it("passes against the piriod-fake command started as docs/contract-check.md shows it", async () => {
    const page = await readFile(path.join(REPO_ROOT, "docs", "contract-check.md"), "utf8");
    const section = page.slice(page.indexOf("## Trying it against the fake"));
    const catalogue = defined(section.match(/```json\n([\s\S]*?)```/)?.[1], "the page's catalogue.json");
    const serve = defined(section.match(/^npx piriod-fake (.+) &$/m)?.[1], "the page's piriod-fake command");
    const [, key, args] = defined(
      section.match(/^PIRIOD_API_KEY=(\S+) npx piriod-contract-check (.+)$/m),
      "the page's piriod-contract-check command",
    );
    const verdict = defined(section.match(/`(PASS: [^`]+)`/)?.[1], "the verdict the page promises");
    const file = path.join(folder, "catalogue.json");
    await writeFile(file, catalogue);
    const port = String(await freePort());
    const fake = runMockScript(
      serve.split(" ").map((arg) => (arg === "catalogue.json" ? file : arg === "4010" ? port : arg)),
    );
    servers.push({ url: "", close: () => fake.kill() });
    await fake.waitForOutput(/listening on/);
    const run = await runContractCheckCommand(
      defined(args, "its arguments")
        .split(" ")
        .map((arg) => arg.replace(":4010", `:${port}`)),
      key,
    );
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(verdict);
    expect(run.code).toBe(0);
  }, 120_000);

  it("reports each drift of a server in its class, exits 1, and never prints the key", async () => {
    const server = await served(
      startDriftingServer(
        [
          renamedField,
          stringForInteger,
          anotherStatus,
          anotherErrorShape,
          unknownStateOtherShape,
          nextPageTooMany,
          wordedOtherwise,
          echoesTheKey,
        ],
        PIRIOD,
      ),
    );
    const json = await check(server.url, "--json");
    const text = await check(server.url);
    const report = JSON.parse(json.stdout) as ContractCheckReport;
    const expected: Record<string, Difference["class"]> = {
      "create customers#1:field/email": "divergence",
      "create customers#1:body/state/id": "spec-violation",
      "retrieve an unknown customers id:status": "divergence",
      "retrieve customers#1 without x-simple-workspace:error/non_field_errors": "divergence",
      "create customers with an unknown state:error/state": "divergence",
      "list customers, page 2 of size 1:next": "divergence",
      "retrieve customers#1 with a wrong key:error/detail": "wording",
    };
    for (const [id, kind] of Object.entries(expected)) expect(classOf(report, id), id).toBe(kind);
    expect([json.code, text.code]).toEqual([1, 1]);
    expect(report.verdict).toBe("fail");
    // The text report names each, with who expected what, and ends in a one-line verdict.
    for (const id of Object.keys(expected)) expect(text.stdout).toContain(`id: ${id}`);
    expect(text.stdout).toContain("expected (the spec): a valid Customer: /state/id must be integer");
    expect(text.stdout.trimEnd().split("\n").at(-1)).toMatch(
      /^FAIL: \d+ spec violations, \d+ divergences, \d+ wording differences$/,
    );
    for (const output of [json.stdout, json.stderr, text.stdout, text.stderr]) expect(output).not.toContain(KEY);
    expect(text.stdout).toContain(`Nothing here for Token [redacted].`);
  }, 120_000);

  it("passes with only wording differences, and shows those the allowlist names as allowed", async () => {
    const server = await served(startDriftingServer([wordedOtherwise], PIRIOD));
    const allowlist = path.join(folder, "allowed.txt");
    await writeFile(
      allowlist,
      "# known: Piriod words a wrong key its own way\nretrieve customers#1 with a wrong key:error/detail\n",
    );
    const { code, stdout } = await check(server.url, "--allow", allowlist);
    expect(stdout).toContain("wording the docs do not fix (reported only) (allowed): customers.retrieve");
    expect(stdout.trimEnd().split("\n").at(-1)).toBe(
      "PASS: 0 spec violations, 0 divergences, 0 wording differences (1 more allowed)",
    );
    expect(code).toBe(0);
  }, 120_000);

  it("shows its flags, and refuses to run without a key, a workspace or an http(s) base URL", async () => {
    // Four runs at once: each is a Node process that mostly waits to start.
    const [help, noKey, noWorkspace, notHttp] = await Promise.all([
      runContractCheckCommand(["--help"], undefined),
      runContractCheckCommand(["--base-url", "https://api.piriod.com", "--workspace", WORKSPACE], undefined),
      runContractCheckCommand(["--base-url", "https://api.piriod.com"], KEY),
      check("ftp://api.piriod.com"),
    ]);
    expect(help.code).toBe(0);
    for (const flag of [
      "--base-url URL",
      "--workspace ID",
      "--json",
      "--allow FILE",
      "PIRIOD_API_KEY",
      "x-piriod-test-mode: true",
    ])
      expect(help.stdout).toContain(flag);
    // docs/contract-check.md's table shows each flag of the help.
    const page = await readFile(path.join(REPO_ROOT, "docs", "contract-check.md"), "utf8");
    const flags = [...help.stdout.matchAll(/^ +((?:-\w, )?--[\w-]+(?: [A-Z]+)?) {2}/gm)].map(([, flag]) =>
      defined(flag, "a flag of the help"),
    );
    expect(flags).toHaveLength(5);
    for (const flag of flags.filter((flag) => !flag.endsWith("--help"))) expect(page).toContain(`| \`${flag}\` |`);
    expect([noKey.code, noKey.stderr.split("\n")[0]]).toEqual([
      2,
      "piriod-contract-check: PIRIOD_API_KEY is not set: the check reads the API key from it",
    ]);
    expect([noWorkspace.code, noWorkspace.stderr.split("\n")[0]]).toEqual([
      2,
      "piriod-contract-check: --workspace is required",
    ]);
    expect([notHttp.code, notHttp.stderr.split("\n")[0]]).toEqual([
      2,
      'piriod-contract-check: --base-url must be an http or https URL without a query, not "ftp://api.piriod.com"',
    ]);
  }, 60_000);
});

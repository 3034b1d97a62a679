import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateCustomer } from "../../generated/validators.js";
import { startPrism, type PrismServer } from "../../scripts/lib/prism-server.ts";
import { operationCodeSample } from "../helpers/docs-code-samples.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";
import { bundledSpec } from "../helpers/spec-examples.ts";

const run = promisify(execFile);
const sample = operationCodeSample("updateCustomer", "curl");
const PRODUCTION: string = bundledSpec.servers[0].url;

/** The sample as a reader runs it: pointed at `baseUrl`, with a token in place of `<api_token>`. */
function asReaderRunsIt(command: string, baseUrl: string): string {
  const ready = command.split(PRODUCTION).join(baseUrl).replace("<api_token>", "sk_test_docs_sample_token");
  const left = ready.match(/<[a-z_]+>/g);
  if (left) throw new Error(`the curl sample has placeholders this test does not fill in: ${left.join(", ")}`);
  return ready;
}

interface CurlResult {
  status: number;
  body: string;
  /** Prism's `sl-violations` header: what it found wrong with the request, if anything. */
  violations: string;
}

/** Runs a shell command that starts with `curl` through /bin/sh, with /usr/bin/curl reporting the status. */
async function runCurl(command: string): Promise<CurlResult> {
  const lines = command.split("\n");
  const start = lines.findIndex((line) => line.startsWith("curl "));
  if (start < 0 || lines.filter((line) => line.startsWith("curl ")).length !== 1) throw new Error("the sample must be one curl command");
  lines[start] = lines[start]!.replace(/^curl /, "/usr/bin/curl --silent --show-error --write-out '\\n%{http_code}\\n%header{sl-violations}' ");
  const { stdout } = await run("/bin/sh", ["-c", lines.join("\n")], { timeout: 10_000 });
  const [violations = "", status = "", ...body] = stdout.split("\n").reverse();
  return { status: Number(status), body: body.reverse().join("\n"), violations };
}

describe("the curl sample", () => {
  let prism: PrismServer;
  beforeAll(async () => {
    prism = await startPrism(path.join(REPO_ROOT, "generated", "openapi.json"));
  });
  afterAll(async () => {
    await prism?.stop();
  });

  it("is found, and addresses the production server with the path's trailing slash and a token placeholder", () => {
    expect(sample).toContain(`'${PRODUCTION}/customers/cus_01H8XYZ123ABC/'`);
    expect(sample).toContain("Authorization: Token <api_token>");
    expect(sample).toContain("x-simple-workspace: acc_");
  });

  it("gets a 200 and a body that is a Customer from the mock of the spec, which finds nothing wrong with the request", async () => {
    const result = await runCurl(asReaderRunsIt(sample, prism.url));
    expect(result.violations).toBe("");
    expect(result.status).toBe(200);
    const customer = validateCustomer(JSON.parse(result.body));
    expect(customer.ok, JSON.stringify(customer)).toBe(true);
  });

  // The mock checks what the sample sends: each of these edits makes it fail.
  it.each([
    ["its token", (command: string) => command.replace(/^.*Authorization.*\n/m, ""), 401],
    ["its workspace header", (command: string) => command.replace(/^.*x-simple-workspace.*\n/m, ""), 400],
    ["the trailing slash", (command: string) => command.replace("cus_01H8XYZ123ABC/'", "cus_01H8XYZ123ABC'"), 404],
    ["a correctly spelled field", (command: string) => command.replace('"email"', '"e_mail"'), 400],
  ])("is refused without %s", async (_change, edit, status) => {
    const edited = edit(sample);
    expect(edited).not.toBe(sample);
    expect((await runCurl(asReaderRunsIt(edited, prism.url))).status).toBe(status);
  });
});

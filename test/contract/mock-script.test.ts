import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/prism-server.ts";
import { defined } from "../helpers/defined.ts";
import { portIsFree } from "../helpers/port-is-free.ts";
import { printedCurlCommands, runCurl } from "../helpers/run-curl.ts";
import { runMockScript, type ServingCommand } from "../helpers/serving-command.ts";

// `npm run mock` serves the fake of @piriod/api/testing (scripts/mock.ts, the `piriod-fake` bin run
// from source). Prism, the spec's independent judge, is tested where it judges: test/client/prism.test.ts.
const URL_LINE = /listening on (http:\/\/127\.0\.0\.1:(\d+))\n/;

describe("npm run mock", () => {
  const started: ServingCommand[] = [];
  const run = (...args: string[]) => {
    const script = runMockScript(args);
    started.push(script);
    return script;
  };
  afterEach(async () => {
    for (const script of started.splice(0)) await script.kill();
  });

  /** Starts the mock on a free port, once it says where it listens. */
  async function startServing(): Promise<{ script: ServingCommand; port: number; url: string }> {
    const port = await freePort();
    const script = run("--port", String(port));
    const [, url, shown] = await script.waitForOutput(URL_LINE);
    expect(Number(shown)).toBe(port);
    return { script, port, url: defined(url, "the URL it listens on") };
  }

  it("prints a client to point at it and curl examples that work against it, and keeps what they change", async () => {
    const { script, url } = await startServing();
    expect(script.stdout).toContain(
      `createPiriodClient({ apiKey: "sk_test_fake", workspace: "acc_01H8XYZ123ABC", baseUrl: "${url}" })`,
    );
    const [read, update, list, reset, ...more] = printedCurlCommands(script.stdout);
    expect(more).toEqual([]);
    expect([read, update, list, reset].map((command) => command?.split(" \\\n")[0])).toEqual([
      `curl ${url}/customers/cus_01H8XYZ123ABC/`,
      `curl -X PATCH ${url}/customers/cus_01H8XYZ123ABC/`,
      `curl '${url}/customers/?page_size=10'`,
      `curl -X POST ${url}/__piriod-fake/reset`,
    ]);

    // Run as a reader who pastes them runs them; the fake starts from the spec's example customer.
    const readCommand = defined(read, "the command that reads the customer");
    const before = await runCurl(readCommand);
    expect(before.status, before.body).toBe(200);
    expect(JSON.parse(before.body)).toMatchObject({ id: "cus_01H8XYZ123ABC", email: "facturacion@andes.cl" });
    const patched = await runCurl(defined(update, "the command that updates the customer"));
    expect(patched.status, patched.body).toBe(200);
    expect(JSON.parse(patched.body)).toMatchObject({ id: "cus_01H8XYZ123ABC", email: "pagos@andes.cl" });
    const after = await runCurl(readCommand);
    expect(JSON.parse(after.body)).toMatchObject({ id: "cus_01H8XYZ123ABC", email: "pagos@andes.cl" });

    const page = await runCurl(defined(list, "the command that lists customers"));
    expect(page.status, page.body).toBe(200);
    const body = JSON.parse(page.body) as { results: { id: string; email: string }[] };
    expect(body).toMatchObject({ count: 1, next: null, previous: null });
    expect(body.results.map(({ id, email }) => [id, email])).toEqual([["cus_01H8XYZ123ABC", "pagos@andes.cl"]]);

    // The control API's reset takes it back to the example customer as it started.
    expect((await runCurl(defined(reset, "the command that resets the fake"))).status).toBe(204);
    expect(JSON.parse((await runCurl(readCommand)).body)).toMatchObject({ email: "facturacion@andes.cl" });
  });

  it("stops on Ctrl-C (SIGINT to its process group): exit 0, nothing on stderr, port free", async () => {
    const { script, port } = await startServing();
    script.signalGroup("SIGINT");
    expect(await script.exited).toEqual({ code: 0, signal: null });
    expect(script.stderr).toBe("");
    expect(await portIsFree(port)).toBe(true);
  });

  it("stops on SIGTERM sent to its PID alone: exit 0, port free", async () => {
    const { script, port } = await startServing();
    process.kill(script.pid, "SIGTERM");
    expect(await script.exited).toEqual({ code: 0, signal: null });
    expect(await portIsFree(port)).toBe(true);
  });

  it.each([
    [["--port", "http"], `piriod-fake: the port must be a whole number from 0 to 65535, not "http"`],
    [["--port", "70000"], `piriod-fake: the port must be a whole number from 0 to 65535, not "70000"`],
    [["--port", "-1"], `piriod-fake: the port must be a whole number from 0 to 65535, not "-1"`],
    [["--port"], "piriod-fake: --port needs a number"],
    [["--prot", "4010"], `piriod-fake: unknown argument "--prot"`],
  ])("refuses %j with exit code 2 and the usage", async (args, message) => {
    const script = run(...args);
    expect(await script.exited).toEqual({ code: 2, signal: null });
    expect(script.stderr.startsWith(`${message}\n`), script.stderr).toBe(true);
    expect(script.stderr).toContain("Usage: npm run mock [-- options]");
    expect(script.stdout).toBe("");
  });

  it("prints its usage, with the default port, on --help", async () => {
    const script = run("--help");
    expect(await script.exited).toEqual({ code: 0, signal: null });
    expect(script.stdout).toMatch(/^Usage: npm run mock \[-- options\]\n/);
    expect(script.stdout).toContain("the port (default 4010; 0 takes a free one)");
  });

  it("fails with exit code 1, naming the port, when the port is taken", async () => {
    const port = await freePort();
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(port, "127.0.0.1", resolve));
    try {
      const script = run("--port", String(port));
      expect(await script.exited).toEqual({ code: 1, signal: null });
      expect(script.stderr).toBe(
        `piriod-fake: port ${port} is already in use on 127.0.0.1; choose another with --port N\n`,
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});

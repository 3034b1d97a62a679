import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/prism-server.ts";
import { MockScript, portIsFree } from "../helpers/prism-mock-script.ts";
import { send } from "../helpers/prism-mock.ts";

const URL_LINE = /listening on (http:\/\/127\.0\.0\.1:(\d+))\n/;

describe("npm run mock", () => {
  const started: MockScript[] = [];
  const run = (...args: string[]) => {
    const script = new MockScript(args);
    started.push(script);
    return script;
  };
  afterEach(async () => {
    for (const script of started.splice(0)) await script.kill();
  });

  /** Starts the mock on a free port and checks it answers the GET and the PATCH of its own instructions. */
  async function startServing(): Promise<{ script: MockScript; port: number }> {
    const port = await freePort();
    const script = run("--port", String(port));
    const [, url, shown] = await script.waitForOutput(URL_LINE);
    expect(Number(shown)).toBe(port);
    expect(script.stdout).toContain(`createPiriodClient({ apiKey: "sk_test_mock", workspace: "acc_01H8XYZ123ABC", baseUrl: "${url}" })`);
    const curl = script.stdout.match(/curl -X PATCH (\S+) \\\n\s+-H '(.+?): (.+?)' -H '(.+?): (.+?)' \\\n\s+-H '(.+?): (.+?)' -d '(.+)'/);
    expect(curl, script.stdout).not.toBeNull();
    const [, target, ...rest] = curl!;
    const headers = { [rest[0]!]: rest[1]!, [rest[2]!]: rest[3]!, [rest[4]!]: rest[5]! };
    const response = await send(target!, { method: "PATCH", headers, body: rest[6]! });
    expect(response.status).toBe(200);
    const read = script.stdout.match(/curl (http\S+) \\\n\s+-H '(.+?): (.+?)' -H '(.+?): (.+?)'\n/);
    expect(read, script.stdout).not.toBeNull();
    const [, readTarget, ...readHeaders] = read!;
    const answer = await send(readTarget!, { method: "GET", headers: { [readHeaders[0]!]: readHeaders[1]!, [readHeaders[2]!]: readHeaders[3]! } });
    expect(answer.status).toBe(200);
    return { script, port };
  }

  it("serves the spec on the port asked for, and Ctrl-C stops it: exit 0, port free", async () => {
    const { script, port } = await startServing();
    script.signalGroup("SIGINT");
    expect(await script.exited).toEqual({ code: 0, signal: null });
    expect(script.stderr).toBe("");
    expect(await portIsFree(port)).toBe(true);
  });

  it("stops on SIGTERM sent to it alone, stopping Prism too: exit 0, port free", async () => {
    const { script, port } = await startServing();
    process.kill(script.pid, "SIGTERM");
    expect(await script.exited).toEqual({ code: 0, signal: null });
    expect(await portIsFree(port)).toBe(true);
  });

  it.each([
    [["--port", "http"], `the port must be a whole number from 0 to 65535, not "http"`],
    [["--port", "70000"], `not "70000"`],
    [["--port"], "--port needs a number"],
    [["--prot", "4010"], `unknown argument "--prot"`],
  ])("refuses %j with exit code 2 and the usage", async (args, message) => {
    const script = run(...args);
    expect(await script.exited).toEqual({ code: 2, signal: null });
    expect(script.stderr).toContain(message);
    expect(script.stderr).toContain("Usage: npm run mock [-- --port N]");
  });

  it("prints its usage, with the default port, on --help", async () => {
    const script = run("--help");
    expect(await script.exited).toEqual({ code: 0, signal: null });
    expect(script.stdout).toContain("(default 4010; 0 takes a free port)");
  });

  it("fails with exit code 1, naming the port, when the port is taken", async () => {
    const port = await freePort();
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(port, "127.0.0.1", resolve));
    try {
      const script = run("--port", String(port));
      expect(await script.exited).toEqual({ code: 1, signal: null });
      expect(script.stderr).toBe(`mock: port ${port} is already in use on 127.0.0.1; choose another with --port N\n`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});

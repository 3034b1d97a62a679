import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/mcp/config.ts";

// How piriod-mcp reads its flags and environment: read-only, test mode, unless told otherwise.
const KEY = "sk_test_config_4Jd";
const ENV = { PIRIOD_API_KEY: KEY, PIRIOD_WORKSPACE: "acc_01H8XYZ123ABC" };

describe("piriod-mcp's configuration", () => {
  it("reads, in test mode, from the environment alone by default", () => {
    expect(readConfig([], { ...ENV, PIRIOD_BASE_URL: "http://127.0.0.1:4010" })).toEqual({
      config: {
        apiKey: KEY,
        workspace: "acc_01H8XYZ123ABC",
        baseUrl: "http://127.0.0.1:4010",
        writes: false,
        deletes: false,
        live: false,
      },
    });
  });

  it("takes each flag, and the workspace and base URL as flags over the environment", () => {
    expect(
      readConfig(
        ["--allow-deletes", "--live", "--workspace", "acc_other", "--base-url=http://localhost:1/piriod"],
        ENV,
      ),
    ).toEqual({
      config: {
        apiKey: KEY,
        workspace: "acc_other",
        baseUrl: "http://localhost:1/piriod",
        writes: false,
        deletes: true,
        live: true,
      },
    });
    expect(readConfig(["--allow-writes"], ENV)).toMatchObject({ config: { writes: true, deletes: false } });
  });

  it("asks for help with --help or -h, whatever else is given", () => {
    expect(readConfig(["--live", "-h"], {})).toEqual({ help: true });
    expect(readConfig(["--help"], ENV)).toEqual({ help: true });
  });

  it.each([
    [[], {}, "set PIRIOD_API_KEY to your Piriod API key"],
    [[], { PIRIOD_API_KEY: "  " }, "set PIRIOD_API_KEY to your Piriod API key"],
    [[], { PIRIOD_API_KEY: KEY }, "set PIRIOD_WORKSPACE (or --workspace) to the workspace to act on (acc_...)"],
    [
      ["--api-key", KEY],
      ENV,
      'unknown argument "--api-key": the key is read from PIRIOD_API_KEY only, since a process list shows every flag',
    ],
    [["--delete-everything"], ENV, 'unknown argument "--delete-everything"'],
    [["--workspace"], ENV, "--workspace needs a value"],
    [["--base-url="], ENV, "--base-url needs a value"],
  ])("refuses %j with %j: %s", (args, env, error) => {
    expect(readConfig(args, env)).toEqual({ error });
  });
});

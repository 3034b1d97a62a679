/** How `piriod-mcp` was asked to run. */
export interface McpConfig {
  apiKey: string;
  workspace: string;
  /** Absent: the client's default, Piriod itself. */
  baseUrl?: string;
  /** Offer the tools that create and update. */
  writes: boolean;
  /** Offer the tools that delete. */
  deletes: boolean;
  /** Act on live data; otherwise every call is in test mode. */
  live: boolean;
}

export const USAGE = `Usage: piriod-mcp [--allow-writes] [--allow-deletes] [--live] [--workspace ID] [--base-url URL]

A Model Context Protocol server over standard input and output: Piriod's API as tools for an AI
agent, one tool per operation. By default it offers only the tools that read (list, retrieve), and
only test-mode data. Its log goes to standard error; standard output carries the protocol alone.

Environment:
  PIRIOD_API_KEY    the API key (required); read from the environment only, which a process list
                    does not show, and never written to a tool result, an error or the log
  PIRIOD_WORKSPACE  the workspace (acc_...) every call acts on (required, unless --workspace)
  PIRIOD_BASE_URL   the API's base URL (default https://api.piriod.com)

Flags:
  --allow-writes    also offer the tools that create and update
  --allow-deletes   also offer the tools that delete (separately from --allow-writes)
  --live            act on live data; without it every call is in test mode
                    (x-piriod-test-mode: true), where live objects cannot be seen
  --workspace ID    the workspace, instead of PIRIOD_WORKSPACE
  --base-url URL    the base URL, instead of PIRIOD_BASE_URL
  -h, --help        print this text`;

const SWITCHES: Record<string, "writes" | "deletes" | "live"> = {
  "--allow-writes": "writes",
  "--allow-deletes": "deletes",
  "--live": "live",
};
const VALUES: Record<string, "workspace" | "baseUrl"> = { "--workspace": "workspace", "--base-url": "baseUrl" };

/** The configuration the command line and the environment give, a request for help, or what is wrong with them. */
export function readConfig(
  args: readonly string[],
  env: Record<string, string | undefined>,
): { config: McpConfig } | { help: true } | { error: string } {
  const given = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : value);
  const config = {
    workspace: given(env.PIRIOD_WORKSPACE),
    baseUrl: given(env.PIRIOD_BASE_URL),
    writes: false,
    deletes: false,
    live: false,
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--help" || arg === "-h") return { help: true };
    const switched = SWITCHES[arg];
    if (switched) {
      config[switched] = true;
      continue;
    }
    const [flag = "", inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s) : [arg];
    const option = VALUES[flag];
    if (option === undefined)
      return { error: `unknown argument "${arg}"${arg.startsWith("--api-key") ? KEY_FLAG : ""}` };
    const value = given(inline ?? args[++index]);
    if (value === undefined) return { error: `${flag} needs a value` };
    config[option] = value;
  }
  const apiKey = given(env.PIRIOD_API_KEY);
  if (apiKey === undefined) return { error: "set PIRIOD_API_KEY to your Piriod API key" };
  const { workspace } = config;
  if (workspace === undefined)
    return { error: "set PIRIOD_WORKSPACE (or --workspace) to the workspace to act on (acc_...)" };
  return { config: { ...config, apiKey, workspace } };
}

const KEY_FLAG = ": the key is read from PIRIOD_API_KEY only, since a process list shows every flag";

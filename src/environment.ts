import { PiriodError } from "./errors.js";
import { type PiriodClientOptions, unreadableOptions } from "./options.js";

/** The options of an entry that reads the environment (Node, Deno, Bun): the key and the workspace may come from there. */
export type EnvironmentClientOptions = Omit<PiriodClientOptions, "apiKey" | "workspace"> &
  Partial<Pick<PiriodClientOptions, "apiKey" | "workspace">>;

/** Each option the environment may give, and the variable that gives it. */
const VARIABLES = { apiKey: "PIRIOD_API_KEY", workspace: "PIRIOD_WORKSPACE", baseUrl: "PIRIOD_BASE_URL" } as const;

/**
 * `options`, with each of `apiKey`, `workspace` and `baseUrl` that is absent taken from its environment variable. Only the entries for
 * Node, Deno and Bun call this; the browser and worker entry never reads the environment, so no bundler inlines a build machine's key.
 * A key or workspace found nowhere is refused here, naming the option and the variable.
 */
export function withEnvironment(options: EnvironmentClientOptions | undefined): PiriodClientOptions {
  if (options !== undefined && (typeof options !== "object" || options === null)) return options as never;
  let merged: Record<string, unknown>;
  try {
    merged = { ...options };
  } catch (error) {
    throw unreadableOptions("createPiriodClient", error);
  }
  for (const [option, variable] of Object.entries(VARIABLES)) {
    if (merged[option] === undefined) {
      const value = readVariable(variable);
      if (value !== undefined) merged[option] = value;
    }
  }
  for (const option of ["apiKey", "workspace"] as const)
    if (merged[option] === undefined)
      throw new PiriodError(
        `createPiriodClient: ${option} is required: pass it as the ${option} option, or set the ${VARIABLES[option]} environment variable`,
      );
  return merged as unknown as PiriodClientOptions;
}

/**
 * A variable's value, trimmed, or `undefined` when it is unset, blank or not readable: a Deno without `--allow-env` is not asked
 * (which would prompt, or throw), so the client fails as it would without the variable.
 */
function readVariable(name: string): string | undefined {
  const scope = globalThis as {
    Deno?: {
      env?: { get?(name: string): string | undefined };
      permissions?: { querySync?(descriptor: { name: "env"; variable: string }): { state: string } };
    };
    process?: { env?: Record<string, string | undefined> };
  };
  let value: string | undefined;
  try {
    const deno = scope.Deno;
    if (deno?.env?.get) {
      if (
        deno.permissions?.querySync &&
        deno.permissions.querySync({ name: "env", variable: name }).state !== "granted"
      )
        return undefined;
      value = deno.env.get(name);
    } else value = scope.process?.env?.[name];
  } catch {
    return undefined;
  }
  return value?.trim() || undefined;
}

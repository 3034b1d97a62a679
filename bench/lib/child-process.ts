import { spawn } from "node:child_process";
import path from "node:path";
import { build } from "esbuild";
import { onCore } from "./cpu-pinning.ts";
import type { ClientCall } from "./spec-fixtures.ts";
import { REPO, workspace } from "./workspace.ts";

const compiledScripts = new Map<string, Promise<string>>();

/**
 * `bench/child/<name>.ts` compiled into the workspace as plain ESM, its packages left as imports
 * that resolve there. Compiled rather than run through tsx, which names every closure made per
 * call and so would charge the code measured with work it does not do as shipped.
 */
function compiled(name: string): Promise<string> {
  let script = compiledScripts.get(name);
  if (!script) {
    script = workspace().then(async ({ dir }) => {
      const outfile = path.join(dir, `${name}.mjs`);
      await build({
        entryPoints: [path.join(REPO, "bench", "child", `${name}.ts`)],
        bundle: true,
        packages: "external",
        platform: "node",
        format: "esm",
        target: "node20",
        outfile,
        logLevel: "warning",
      });
      return outfile;
    });
    compiledScripts.set(name, script);
  }
  return script;
}

interface Spawned {
  stdout: string;
  code: number | null;
  wallMs: number;
}

/** Where a child runs: on one core (see cpu-pinning.ts), or wherever the system puts it; and on which Node (default: this process's). */
export interface Placement {
  core?: number;
  node?: string;
}

async function spawnNode(args: string[], { core, node = process.execPath }: Placement = {}): Promise<Spawned> {
  const { dir } = await workspace();
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(...onCore(core, node, args), { cwd: dir, stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ stdout, code, wallMs: performance.now() - started }));
  });
}

/** Runs a benchmark script in a fresh Node process (with `nodeArgs`, such as `--conditions=deno`), `input` as its argument; resolves to the JSON it prints last. */
export async function runChild<T>(
  name: string,
  input: unknown = {},
  placement: Placement = {},
  nodeArgs: string[] = [],
): Promise<T> {
  const { stdout, code } = await spawnNode([...nodeArgs, await compiled(name), JSON.stringify(input)], placement);
  if (code !== 0) throw new Error(`bench/child/${name}.ts exited with ${code}`);
  const output = stdout.trim();
  return JSON.parse(output.slice(output.lastIndexOf("\n") + 1)) as T;
}

/** Wall time, in ms, from starting `node args` (in the workspace) to its exit. */
export async function processWallMs(args: string[]): Promise<number> {
  const { code, wallMs } = await spawnNode(args);
  if (code !== 0) throw new Error(`node ${args.join(" ")} exited with ${code}`);
  return wallMs;
}

export interface LoopbackServer {
  baseUrl: string;
  stop(): void;
}

/**
 * Starts bench/child/loopback-server.ts on 127.0.0.1, on a free port, answering with `call`'s
 * example response (and, given `site`, serving that directory's page and scripts); resolves once
 * it listens, with a `stop` that ends it by its pid.
 */
export async function startLoopbackServer(
  call: ClientCall,
  { core, node = process.execPath }: Placement = {},
  site?: string,
): Promise<LoopbackServer> {
  const { dir } = await workspace();
  const input = JSON.stringify({ response: call.response, site });
  // taskset execs the command in its own process, so the pid killed is the server's.
  const child = spawn(...onCore(core, node, [await compiled("loopback-server"), input]), {
    cwd: dir,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    child.on("error", reject);
    child.on("exit", (code) =>
      reject(new Error(`bench/child/loopback-server.ts exited with ${code} before it listened`)),
    );
    child.stdout.on("data", (chunk) => {
      output += chunk;
      if (output.includes("\n")) resolve((JSON.parse(output.slice(0, output.indexOf("\n"))) as { port: number }).port);
    });
  });
  child.removeAllListeners("exit");
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

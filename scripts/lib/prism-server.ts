import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";

const require = createRequire(import.meta.url);
// Prism's own entry, run with this Node: the PID we hold is Prism's, so killing it stops the
// server (an npx wrapper would leave a listening child behind).
const PRISM_CLI = require.resolve("@stoplight/prism-cli/dist/index.js");

export interface PrismServer {
  /** Base URL of the mock, e.g. `http://127.0.0.1:41234`. */
  url: string;
  pid: number;
  /** Stops the server (SIGTERM, then SIGKILL) and resolves once the process has exited. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1, as the OS hands it out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface PrismOptions {
  /** 0 (the default) takes a free port. */
  port?: number;
  timeoutMs?: number;
  /** Receives what Prism prints once it listens (its request log); by default it is dropped. */
  onOutput?: (text: string) => void;
}

/** Starts `prism mock` on 127.0.0.1 for `specFile` and resolves once it accepts requests. */
export async function startPrism(
  specFile: string,
  { port = 0, timeoutMs = 30_000, onOutput }: PrismOptions = {},
): Promise<PrismServer> {
  const chosen = port || (await freePort());
  const child = spawn(
    process.execPath,
    [PRISM_CLI, "mock", "-h", "127.0.0.1", "-p", String(chosen), "--errors", "false", specFile],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  // Kept only until Prism listens (to explain a failed start): a long-running mock's request
  // log must not grow in memory.
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk;
  };
  const streams = outputStreams(child);
  for (const stream of streams) stream.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${chosen}`;
  try {
    await waitForListening(child, () => output, timeoutMs);
  } catch (error) {
    await stopProcess(child, exited);
    throw error;
  }
  for (const stream of streams) {
    stream.off("data", collect);
    // Still read, so a full pipe never blocks Prism; forwarded or dropped.
    stream.on("data", (chunk: Buffer) => onOutput?.(chunk.toString("utf8")));
  }
  // Listening, so started: a child that could not be spawned has no pid and never listens.
  const { pid } = child;
  if (pid === undefined) throw new Error("Prism listens but has no process id");
  return { url, pid, stop: () => stopProcess(child, exited) };
}

function waitForListening(child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`Prism did not start within ${timeoutMs} ms:\n${output()}`)),
      timeoutMs,
    );
    const onData = () => {
      if (/Prism is listening/.test(output())) finish();
    };
    const onExit = (code: number | null) => finish(new Error(`Prism exited (${code}) before listening:\n${output()}`));
    function finish(error?: Error) {
      clearTimeout(timer);
      for (const stream of outputStreams(child)) stream.off("data", onData);
      child.off("exit", onExit);
      if (error) reject(error);
      else resolve();
    }
    for (const stream of outputStreams(child)) stream.on("data", onData);
    child.once("exit", onExit);
    onData();
  });
}

async function stopProcess(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const killer = setTimeout(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  }, 3_000);
  await exited;
  clearTimeout(killer);
}

/** The child's standard output and error, which it was spawned to pipe. */
function outputStreams(child: ChildProcess): NodeJS.ReadableStream[] {
  if (child.stdout === null || child.stderr === null) throw new Error("Prism was started without piped output");
  return [child.stdout, child.stderr];
}

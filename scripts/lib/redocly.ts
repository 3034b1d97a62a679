import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const redoclyBin = require.resolve("@redocly/cli/bin/cli.js");
// redocly.yaml's plugin (lint/redocly/piriod.ts) is TypeScript: Redocly imports it through these hooks.
const typescriptLoader = new URL("./typescript-loader.mjs", import.meta.url).href;

export interface RedoclyRun {
  status: number;
  stdout: string;
  /** stderr without the Node-version banner Redocly 2.77 prints on Node 20. */
  stderr: string;
}

/** Runs the Redocly CLI in `cwd` with telemetry and update notices off, able to load the plugins redocly.yaml names. */
export function runRedocly(args: string[], cwd: string): Promise<RedoclyRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", typescriptLoader, redoclyBin, ...args], {
      cwd,
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: "off",
        REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
        NO_COLOR: "1",
        FORCE_COLOR: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        status: code ?? 1,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: withoutBanner(Buffer.concat(stderr).toString("utf8")),
      }),
    );
  });
}

function withoutBanner(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/^\s*[╔║╚]/.test(line))
    .join("\n")
    .trim();
}

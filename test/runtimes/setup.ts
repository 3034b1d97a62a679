import { cp, mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ConsumerProject, packPackage, packRuntimeDependencies } from "../helpers/packed-package.ts";
import { ensureRuntimesInstalled, RUNTIMES_ROOT } from "./lib/install.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The consumer project: the packed package installed, the files of test/runtimes/consumer/ beside it. */
    consumer: string;
  }
}

/** The test runners a consumer project installs beside the package; linked from test/runtimes, so the matrix installs them once. */
const TOOLS = ["jest", "@babel/core", "@babel/preset-env", "vitest", "jsdom", "happy-dom"];

/**
 * Once for the whole matrix: the runtimes installed, then the package packed and installed into a
 * fresh consumer project in a temporary folder, away from this repository's node_modules.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  ensureRuntimesInstalled();
  const scratch = await mkdtemp(path.join(tmpdir(), "piriod-runtimes-"));
  const packed = await packPackage(scratch);
  const consumer = await ConsumerProject.create([packed.tarball, ...(await packRuntimeDependencies(scratch))]);
  await cp(path.join(RUNTIMES_ROOT, "consumer"), consumer.root, { recursive: true });
  for (const tool of TOOLS) {
    const link = path.join(consumer.root, "node_modules", tool);
    await mkdir(path.dirname(link), { recursive: true });
    await symlink(path.join(RUNTIMES_ROOT, "node_modules", tool), link, "dir");
  }
  project.provide("consumer", consumer.root);
  return async () => {
    await consumer.remove();
    await rm(scratch, { recursive: true, force: true });
  };
}

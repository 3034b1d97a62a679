import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { defined } from "./defined.ts";
import { ConsumerProject, type PackedPackage, packPackage, packRuntimeDependencies } from "./packed-package.ts";

export interface InstalledPackage {
  packed: PackedPackage;
  consumer: ConsumerProject;
}

/**
 * For the calling suite: the package packed and installed into a fresh consumer project, with its
 * dependencies packed from the repository's node_modules; both removed after the suite.
 */
export function useInstalledPackage(): () => InstalledPackage {
  let scratch: string | undefined;
  let installed: InstalledPackage | undefined;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "piriod-pack-"));
    const packed = await packPackage(scratch);
    const consumer = await ConsumerProject.create([packed.tarball, ...(await packRuntimeDependencies(scratch))]);
    installed = { packed, consumer };
  }, 180_000);
  afterAll(async () => {
    await installed?.consumer.remove();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });
  return () => defined(installed, "the installed package, set up before the suite");
}

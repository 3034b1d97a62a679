import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import type { TestProject } from "vitest/node";
import { ConsumerProject, type PackedPackage, packPackage, packRuntimeDependencies } from "./packed-package.ts";

export interface InstalledPackage {
  packed: PackedPackage;
  consumer: ConsumerProject;
}

declare module "vitest" {
  export interface ProvidedContext {
    installedPackage: { packed: PackedPackage; consumerRoot: string };
  }
}

/**
 * The global setup of the package tests: the package packed once and installed into a fresh
 * consumer project, with its dependencies packed from the repository's node_modules, for every
 * file of the project to share; both removed when the run ends. A test file writes its own files
 * into the consumer project and never changes what is installed.
 */
export default async function installPackage(project: TestProject): Promise<() => Promise<void>> {
  const scratch = await mkdtemp(path.join(tmpdir(), "piriod-pack-"));
  let consumer: ConsumerProject | undefined;
  try {
    const packed = await packPackage(scratch);
    consumer = await ConsumerProject.create([packed.tarball, ...(await packRuntimeDependencies(scratch))]);
    project.provide("installedPackage", { packed, consumerRoot: consumer.root });
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
  return async () => {
    await consumer?.remove();
    await rm(scratch, { recursive: true, force: true });
  };
}

/** The package as the global setup installed it. */
export function installedPackage(): InstalledPackage {
  const { packed, consumerRoot } = inject("installedPackage");
  return { packed, consumer: ConsumerProject.at(consumerRoot) };
}

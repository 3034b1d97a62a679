import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildPackage } from "../../scripts/build-package.ts";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));

/** What the pipeline and `npm run build:package` read: a copy of these is a project of its own. */
const PROJECT = [
  "openapi",
  "scripts",
  "src",
  "generated",
  "redocly.yaml",
  "lint",
  "package.json",
  "tsconfig.json",
  "tsconfig.build.json",
];

/** Packages of the repository that benchmark processes import beside @piriod/api. */
const LINKED_PACKAGES = ["openapi-fetch", "axios", "axios-0.27", "ajv", "ajv-formats", "@types", "typescript"];

/** `dir` made a copy of the project's working tree, its node_modules linked: the pipeline and the build run there without touching the repository. */
export async function copyProject(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const entry of PROJECT) await cp(path.join(REPO, entry), path.join(dir, entry), { recursive: true });
  await symlink(path.join(REPO, "node_modules"), path.join(dir, "node_modules"));
}

/**
 * A temporary folder laid out as a project that depends on @piriod/api: the package as
 * `npm run build:package` makes it from the working tree, in `node_modules/@piriod/api`, with the
 * other contenders linked beside it. Scripts run there import `@piriod/api` as consumers do, and
 * type-check against its declarations.
 */
export interface Workspace {
  dir: string;
  /** `node_modules/@piriod/api`. */
  packageDir: string;
}

let shared: Promise<Workspace> | undefined;
let sharedDir: string | undefined;

/** The workspace of this run, built on first use (a few seconds: esbuild bundles src/, tsc writes its declarations). */
export function workspace(): Promise<Workspace> {
  shared ??= createWorkspace();
  return shared;
}

export async function removeWorkspace(): Promise<void> {
  if (sharedDir) await rm(sharedDir, { recursive: true, force: true });
  shared = undefined;
  sharedDir = undefined;
}

async function createWorkspace(): Promise<Workspace> {
  const dir = await mkdtemp(path.join(tmpdir(), "piriod-bench-"));
  sharedDir = dir;
  const source = path.join(dir, "source");
  await copyProject(source);
  await buildPackage(source);
  const packageDir = path.join(dir, "node_modules", "@piriod", "api");
  await mkdir(packageDir, { recursive: true });
  await cp(path.join(source, "dist"), path.join(packageDir, "dist"), { recursive: true });
  await cp(path.join(source, "package.json"), path.join(packageDir, "package.json"));
  for (const name of LINKED_PACKAGES) {
    await mkdir(path.dirname(path.join(dir, "node_modules", name)), { recursive: true });
    await symlink(path.join(REPO, "node_modules", name), path.join(dir, "node_modules", name));
  }
  await writeFile(
    path.join(dir, "package.json"),
    JSON.stringify({ name: "piriod-bench-consumer", private: true, type: "module" }),
  );
  await rm(source, { recursive: true, force: true });
  return { dir, packageDir };
}

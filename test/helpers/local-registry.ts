import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "./project-copy.ts";

const execFileAsync = promisify(execFile);

interface LockEntry {
  name?: string;
  version?: string;
  integrity?: string;
  link?: boolean;
  [field: string]: unknown;
}

/** What npm reads of a version in a packument, as the lockfile records it. */
const MANIFEST_FIELDS = [
  "dependencies",
  "optionalDependencies",
  "peerDependencies",
  "peerDependenciesMeta",
  "bin",
  "engines",
  "os",
  "cpu",
];

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/`: give it to npm as `npm_config_registry`. */
  url: string;
  /** The package names npm asked for, in order: what an install reached for. */
  asked: string[];
  close(): Promise<void>;
}

/**
 * An npm registry on 127.0.0.1 serving, from this machine alone, every package the repository's lockfile pins, each tarball read
 * from the npm cache that `npm ci` filled, and the repository's own package from its packed tarball. npm asks a registry for the full
 * metadata of each package it resolves, which `npm ci` never stores: the cache alone cannot run `npx` offline, but what `npm ci`
 * downloaded can, served this way. A package or version the lockfile does not pin is answered 404, so an install that needs one fails.
 */
export async function startLocalRegistry(packedTarball: string): Promise<LocalRegistry> {
  const cache = (await execFileAsync("npm", ["config", "get", "cache"], { cwd: REPO_ROOT })).stdout.trim();
  const lock = JSON.parse(await readFile(path.join(REPO_ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, LockEntry>;
  };
  const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  const own = new Map([
    [
      manifest.name,
      {
        version: manifest.version,
        file: packedTarball,
        integrity: `sha512-${createHash("sha512")
          .update(await readFile(packedTarball))
          .digest("base64")}`,
        manifest,
      },
    ],
  ]);
  const versions = new Map<string, Map<string, LockEntry>>();
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (where === "" || entry.link || !entry.version || !entry.integrity) continue;
    const name = entry.name ?? where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length);
    if (own.has(name)) continue;
    const known = versions.get(name) ?? new Map<string, LockEntry>();
    known.set(entry.version, entry);
    versions.set(name, known);
  }

  const asked: string[] = [];
  let origin = "";
  const tarballUrl = (name: string, version: string) => `${origin}/-/${encodeURIComponent(name)}/${version}.tgz`;
  const packument = (name: string): object | undefined => {
    const ours = own.get(name);
    const entries = ours
      ? [[ours.version, { ...pick(ours.manifest), integrity: ours.integrity }] as const]
      : [...(versions.get(name) ?? [])].map(
          ([version, entry]) => [version, { ...pick(entry), integrity: entry.integrity }] as const,
        );
    if (entries.length === 0) return undefined;
    const latest = entries
      .map(([version]) => version)
      .sort(compareVersions)
      .at(-1);
    return {
      name,
      "dist-tags": { latest },
      versions: Object.fromEntries(
        entries.map(([version, { integrity, ...fields }]) => [
          version,
          { name, version, ...fields, dist: { tarball: tarballUrl(name, version), integrity } },
        ]),
      ),
    };
  };
  const tarball = async (name: string, version: string): Promise<Buffer | undefined> => {
    const ours = own.get(name);
    if (ours) return ours.version === version ? readFile(ours.file) : undefined;
    const integrity = versions.get(name)?.get(version)?.integrity;
    if (!integrity?.startsWith("sha512-")) return undefined;
    const hex = Buffer.from(integrity.slice("sha512-".length), "base64").toString("hex");
    const file = path.join(cache, "_cacache", "content-v2", "sha512", hex.slice(0, 2), hex.slice(2, 4), hex.slice(4));
    return existsSync(file) ? readFile(file) : undefined;
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://registry");
    const answer = async (): Promise<[number, string | Buffer, string]> => {
      const file = /^\/-\/([^/]+)\/([^/]+)\.tgz$/.exec(url.pathname);
      if (file) {
        const [, name = "", version = ""] = file;
        const bytes = await tarball(decodeURIComponent(name), version);
        if (bytes) return [200, bytes, "application/octet-stream"];
        return [
          404,
          `no tarball of ${decodeURIComponent(name)}@${version} in the npm cache at ${cache}: run npm ci`,
          "text/plain",
        ];
      }
      const name = decodeURIComponent(url.pathname.slice(1));
      asked.push(name);
      const found = packument(name);
      return found
        ? [200, JSON.stringify(found), "application/json"]
        : [404, JSON.stringify({ error: `${name} is not in the lockfile` }), "application/json"];
    };
    answer().then(
      ([status, body, type]) => {
        response.writeHead(status, { "content-type": type });
        response.end(body);
      },
      (error: unknown) => {
        response.writeHead(500, { "content-type": "text/plain" });
        response.end(String(error));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: `${origin}/`,
    asked,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function pick(manifest: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(manifest).filter(([field]) => MANIFEST_FIELDS.includes(field)));
}

/** Orders versions as semver does, a prerelease before its release. */
function compareVersions(left: string, right: string): number {
  const parts = (version: string) => {
    const [release = "", prerelease] = version.split(/-(.*)/s);
    return { numbers: release.split(".").map(Number), prerelease };
  };
  const [a, b] = [parts(left), parts(right)];
  for (let index = 0; index < 3; index++) {
    const difference = (a.numbers[index] ?? 0) - (b.numbers[index] ?? 0);
    if (difference !== 0) return difference;
  }
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === undefined) return 1;
  if (b.prerelease === undefined) return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}

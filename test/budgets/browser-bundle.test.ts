import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { operationCount, piriodApp, sizeBudget } from "../../bench/lib/browser-apps.ts";
import { gzipTotal } from "../../bench/lib/bundle-size.ts";
import { HTTP_METHODS } from "../../src/http-methods.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";

// What a browser app that makes the client and calls customers.update loads, esbuild-minified and
// gzip -9, importing the package as built (dist/, by the `browser` export condition) as
// `npm run bench` measures it, within the budget of bench/lib/browser-apps.ts: 11,000 B up front
// and 14,000 B with the request validator's chunk, plus 50 B for each operation of the spec. Which
// chunks load when is tested in test/client/bundles.test.ts; `npm run bench` reports the sizes and
// their growth per operation.

let operations: number;
let app: Awaited<ReturnType<typeof piriodApp>>;
beforeAll(async () => {
  if (!existsSync(path.join(REPO_ROOT, "dist", "src", "index.js")))
    throw new Error("dist/ is missing: run `npm run build` before the budget tests");
  operations = await operationCount(REPO_ROOT);
  app = await piriodApp(REPO_ROOT);
});

describe("a browser bundle of createPiriodClient plus one customers.update", () => {
  it("loads at most 11,000 B gzipped up front, and 50 B more for each operation of the spec", () => {
    expect(gzipTotal(app.upFront)).toBeLessThanOrEqual(sizeBudget(operations).upFront);
  });

  it("loads at most 14,000 B gzipped with the request validator's chunk (the default), and 50 B more for each operation", () => {
    expect(gzipTotal(app.withRequestValidator)).toBeLessThanOrEqual(sizeBudget(operations).withRequestValidator);
  });

  it("counts every operation of the spec, each a method of the client", async () => {
    const spec = JSON.parse(await readFile(path.join(REPO_ROOT, "generated", "openapi.json"), "utf8")) as {
      paths: Record<string, object>;
    };
    const inSpec = Object.values(spec.paths).flatMap((item) =>
      Object.keys(item).filter((key) => (HTTP_METHODS as readonly string[]).includes(key)),
    );
    expect(operations).toBe(inSpec.length);
  });
});

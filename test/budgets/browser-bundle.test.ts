import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ADDED_BEHAVIOUR,
  operationCount,
  piriodApp,
  sizeBudget,
  sizeBudgetWithAddedBehaviour,
} from "../../bench/lib/browser-apps.ts";
import { gzipTotal } from "../../bench/lib/bundle-size.ts";
import { HTTP_METHODS } from "../../src/http-methods.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";

// What a browser app that makes the client and calls customers.update loads, esbuild-minified and
// gzip -9, importing the package as built (dist/, by the `browser` export condition) as
// `npm run bench` measures it: 7,000 B up front and 9,500 B with the request validator's chunk for
// two operations, at most 150 B more for each operation the spec adds, and what the behaviour
// added since the budget was set costs, itemized in ADDED_BEHAVIOUR. Which chunks load when is
// tested in test/client/bundles.test.ts; `npm run bench` reports the sizes and their growth.

let operations: number;
let app: Awaited<ReturnType<typeof piriodApp>>;
beforeAll(async () => {
  if (!existsSync(path.join(REPO_ROOT, "dist", "src", "index.js")))
    throw new Error("dist/ is missing: run `npm run build` before the budget tests");
  operations = await operationCount(REPO_ROOT);
  app = await piriodApp(REPO_ROOT);
});

describe("a browser bundle of createPiriodClient plus one customers.update", () => {
  it("loads at most 7,000 B gzipped up front, 150 B more for each operation beyond two, and the behaviour added since", () => {
    expect(gzipTotal(app.upFront)).toBeLessThanOrEqual(sizeBudgetWithAddedBehaviour(operations).upFront);
  });

  it("loads at most 9,500 B gzipped with the request validator's chunk (the default), 150 B more for each operation beyond two, and the behaviour added since", () => {
    expect(gzipTotal(app.withRequestValidator)).toBeLessThanOrEqual(
      sizeBudgetWithAddedBehaviour(operations).withRequestValidator,
    );
  });
});

describe("the budget", () => {
  it("is 7,000 B up front and 9,500 B with the request validator for two operations, growing by 150 B an operation", () => {
    expect(sizeBudget(2)).toEqual({ upFront: 7_000, withRequestValidator: 9_500 });
    expect(sizeBudget(20)).toEqual({ upFront: 9_700, withRequestValidator: 12_200 });
    expect(sizeBudget(200)).toEqual({ upFront: 36_700, withRequestValidator: 39_200 });
  });

  it("grows beyond that only by behaviour named with what it cost", () => {
    const added = Object.values(ADDED_BEHAVIOUR);
    expect(added.every((bytes) => Number.isInteger(bytes) && bytes > 0)).toBe(true);
    expect(sizeBudgetWithAddedBehaviour(10).upFront - sizeBudget(10).upFront).toBe(
      added.reduce((sum, bytes) => sum + bytes, 0),
    );
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

/**
 * What a browser app that makes one client and one call loads: @piriod/api with and without
 * request validation, beside openapi-fetch alone and axios, each bundled from the packages as
 * installed. Sizes are exact: no rounds.
 */
import path from "node:path";
import {
  AXIOS_027_APP,
  AXIOS_APP,
  OPENAPI_FETCH_APP,
  operationCount,
  PER_OPERATION_BUDGET,
  piriodApp,
  sizeBudget,
} from "./lib/browser-apps.ts";
import { bundleApp, type Chunk, gzipTotal, minifiedTotal, upFront } from "./lib/bundle-size.ts";
import { type Benchmark, formatNumber, ratio, type Target } from "./lib/report.ts";
import { workspace } from "./lib/workspace.ts";

export const benchSize: Benchmark = async () => {
  const { dir, packageDir } = await workspace();
  const operations = await operationCount(path.join(packageDir, "dist"));
  const budget = sizeBudget(operations);
  const piriod = await piriodApp(dir);
  const whole = async (source: string) => upFront(await bundleApp(source, "browser", dir));
  const openApiFetch = await whole(OPENAPI_FETCH_APP);
  const axios027 = await whole(AXIOS_027_APP);

  const row = (name: string, chunks: Chunk[], limit?: number) => [
    name,
    formatNumber(minifiedTotal(chunks)),
    formatNumber(gzipTotal(chunks)),
    ratio(gzipTotal(chunks), gzipTotal(openApiFetch)),
    limit === undefined ? "" : `≤ ${formatNumber(limit)}`,
  ];
  const rows = [
    row("@piriod/api, request validation off: up front", piriod.upFront, budget.upFront),
    row(
      "@piriod/api, request validation on (the default): with the request validator's chunk",
      piriod.withRequestValidator,
      budget.withRequestValidator,
    ),
    row("@piriod/api, request and response validation on", piriod.withResponseValidator),
    row("openapi-fetch 0.17 alone", openApiFetch),
    row("axios 0.27 (what Piriod's own SDK runs on)", axios027),
    row("axios 1.x", await whole(AXIOS_APP)),
  ];
  const loads = (chunk: Chunk) =>
    piriod.upFront.includes(chunk)
      ? "up front"
      : piriod.withRequestValidator.includes(chunk)
        ? "with request validation"
        : piriod.withResponseValidator.includes(chunk)
          ? "with response validation"
          : "on demand (`piriod.raw`)";
  const chunkRows = piriod.bundle.chunks.map((chunk) => [
    `\`${chunk.file.replace(/^out\//, "")}\``,
    loads(chunk),
    formatNumber(chunk.minifiedBytes),
    formatNumber(chunk.gzipBytes),
    chunk.inputs.map((input) => `\`${input.path.replace(/^.*node_modules\//, "")}\``).join(", "),
  ]);
  const check = (what: string, chunks: Chunk[], limit: number): Target => ({
    what: `browser bundle of an app that makes the client and calls customers.update (${operations} operations), ${what}`,
    target: `≤ ${formatNumber(limit)} B gzip`,
    measured: `${formatNumber(gzipTotal(chunks))} B`,
    met: gzipTotal(chunks) <= limit,
    why: `openapi-fetch alone is ${formatNumber(gzipTotal(openApiFetch))} B of such an app, axios 0.27 ${formatNumber(gzipTotal(axios027))} B`,
  });
  return {
    title: "Size in a browser bundle",
    intro:
      "An app holding `createPiriodClient` plus one `customers.update`, importing `@piriod/api` from a project where the package as built is installed, so the bundler picks the fetch entry by the `browser` export condition; the same call through openapi-fetch alone and axios. " +
      "Bundled by esbuild for the browser (minified, dynamic imports split into chunks as Vite, Rollup and webpack do); bytes of each chunk minified and after `gzip -9`, summed over what loads before the call completes. " +
      "Validation is an option read at run time, so the bundle is one: the request validator's chunk loads only when request validation is on, the response validator's only when response validation is. " +
      `The budget is a base and ${PER_OPERATION_BUDGET} B for each operation of the spec; \`npm test\` (test/budgets/) holds the same app, bundled from dist/ by the same exports, to it.`,
    tables: [
      { headers: ["app", "minified (B)", "gzip -9 (B)", "× openapi-fetch", "budget (B, gzip -9)"], rows },
      {
        caption: "The chunks of the @piriod/api app:",
        headers: ["chunk", "loads", "minified (B)", "gzip -9 (B)", "holds"],
        rows: chunkRows,
      },
    ],
    targets: [
      check("up front", piriod.upFront, budget.upFront),
      check("with the request validator's chunk", piriod.withRequestValidator, budget.withRequestValidator),
    ],
  };
};

/**
 * What a browser app that makes one client and one call loads: @piriod/api with and without
 * request validation, beside openapi-fetch alone and axios. Sizes are exact: no rounds.
 */
import { AXIOS_027_APP, AXIOS_APP, OPENAPI_FETCH_APP, PIRIOD_APP, REQUEST_VALIDATOR, RESPONSE_VALIDATOR, SIZE_BUDGETS } from "./lib/browser-apps.ts";
import { bundleApp, gzipTotal, loadedOnDemand, minifiedTotal, upFront, type Chunk } from "./lib/bundle-size.ts";
import { formatNumber, ratio, type Benchmark, type Target } from "./lib/report.ts";

const LARGEST_INPUTS = 12;

export const benchSize: Benchmark = async () => {
  const piriod = await bundleApp(PIRIOD_APP);
  const withoutValidation = upFront(piriod);
  const withValidation = [...withoutValidation, ...loadedOnDemand(piriod, REQUEST_VALIDATOR)];
  const withResponseValidation = [...withValidation, ...loadedOnDemand(piriod, RESPONSE_VALIDATOR)];
  const whole = async (source: string) => upFront(await bundleApp(source));
  const openApiFetch = await whole(OPENAPI_FETCH_APP);

  const row = (name: string, chunks: Chunk[], budget?: number) => [
    name,
    formatNumber(minifiedTotal(chunks)),
    formatNumber(gzipTotal(chunks)),
    ratio(gzipTotal(chunks), gzipTotal(openApiFetch)),
    budget === undefined ? "" : `≤ ${formatNumber(budget)}`,
  ];
  const rows = [
    row("@piriod/api, request validation on (the default)", withValidation, SIZE_BUDGETS.withRequestValidation),
    row("@piriod/api, request validation off", withoutValidation, SIZE_BUDGETS.withoutRequestValidation),
    row("@piriod/api, request and response validation on", withResponseValidation),
    row("openapi-fetch 0.17 alone", openApiFetch),
    row("axios 0.27 (what Piriod's own SDK runs on)", await whole(AXIOS_027_APP)),
    row("axios 1.x", await whole(AXIOS_APP)),
  ];
  const loads = (chunk: Chunk) =>
    withoutValidation.includes(chunk)
      ? "up front"
      : withValidation.includes(chunk)
        ? "with request validation"
        : withResponseValidation.includes(chunk)
          ? "with response validation"
          : "on demand";
  const chunkRows = piriod.chunks.map((chunk) => [
    `\`${chunk.file.replace(/^out\//, "")}\``,
    loads(chunk),
    formatNumber(chunk.minifiedBytes),
    formatNumber(chunk.gzipBytes),
    chunk.inputs.map((input) => `\`${input.path.replace(/^.*node_modules\//, "")}\``).join(", "),
  ]);
  const inputRows = withoutValidation
    .flatMap((chunk) => chunk.inputs)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, LARGEST_INPUTS)
    .map((input) => [`\`${input.path.replace(/^.*node_modules\//, "")}\``, formatNumber(input.bytes)]);

  const check = (what: string, chunks: Chunk[], budget: number): Target => ({
    what,
    target: `≤ ${formatNumber(budget)} B`,
    measured: `${formatNumber(gzipTotal(chunks))} B`,
    met: gzipTotal(chunks) <= budget,
    why:
      `openapi-fetch alone is ${formatNumber(gzipTotal(openApiFetch))} B of such an app; the client's own code (retries with backoff, per-attempt timeouts, ` +
      "typed errors with Piriod's field errors, redaction of the key, option checks with messages that name the option) adds the rest: its largest parts are listed under Size",
  });
  return {
    title: "Size in a browser bundle",
    intro:
      "An app holding `createPiriodClient` plus one `customers.update` from the browser entry (the `browser` export condition, which bundlers for browsers pick), and the same call through openapi-fetch alone and axios, bundled by esbuild for the browser (minified, dynamic imports split into chunks as Vite, Rollup and webpack do); bytes of each chunk minified and after `gzip -9`, summed over what loads before the call completes. " +
      "Validation is an option read at run time, so the bundle is one: the request validator's chunk loads only when request validation is on, the response validator's only when response validation is. The browser entry carries none of the light Request and Response classes that the fetch entry loads in Node-like runtimes, whose standard ones are JavaScript. `npm test` (test/budgets/) holds the bundle to ceilings at its current size until it reaches the budgets.",
    tables: [
      { headers: ["app", "minified (B)", "gzip -9 (B)", "× openapi-fetch", "budget (B, gzip -9)"], rows },
      { caption: "The chunks of the @piriod/api app:", headers: ["chunk", "loads", "minified (B)", "gzip -9 (B)", "holds"], rows: chunkRows },
      { caption: "The largest inputs of what loads up front (minified bytes in the output, before gzip):", headers: ["input", "minified (B)"], rows: inputRows },
    ],
    targets: [
      check("browser bundle, request validation on", withValidation, SIZE_BUDGETS.withRequestValidation),
      check("browser bundle, request validation off", withoutValidation, SIZE_BUDGETS.withoutRequestValidation),
    ],
  };
};

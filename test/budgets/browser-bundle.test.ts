import { beforeAll, describe, expect, it } from "vitest";
import { PIRIOD_APP, REQUEST_VALIDATOR, SIZE_BUDGETS, SIZE_CEILINGS } from "../../bench/lib/browser-apps.ts";
import { bundleApp, gzipTotal, loadedOnDemand, upFront, type AppBundle } from "../../bench/lib/bundle-size.ts";

// What a browser app holding createPiriodClient and one customers.update loads before its first
// call completes, esbuild-minified and gzip -9. Which chunks load when (validators, light classes)
// is tested in test/client/bundles.test.ts; `npm run bench` reports every chunk beside
// openapi-fetch alone and axios, and how far these stand from the budgets.
let bundle: AppBundle;
beforeAll(async () => {
  bundle = await bundleApp(PIRIOD_APP);
});

const limit = (kind: keyof typeof SIZE_CEILINGS) => `${SIZE_CEILINGS[kind]} bytes gzipped (budget ${SIZE_BUDGETS[kind]})`;

describe("a browser bundle of createPiriodClient plus one customers.update", () => {
  it(`loads at most ${limit("withoutRequestValidation")} with request validation off`, () => {
    expect(gzipTotal(upFront(bundle))).toBeLessThanOrEqual(SIZE_CEILINGS.withoutRequestValidation);
  });

  it(`loads at most ${limit("withRequestValidation")} with request validation on (the default)`, () => {
    const loaded = [...upFront(bundle), ...loadedOnDemand(bundle, REQUEST_VALIDATOR)];
    expect(gzipTotal(loaded)).toBeLessThanOrEqual(SIZE_CEILINGS.withRequestValidation);
  });
});

/**
 * Browser apps that make one client and send one `PATCH /customers/{id}/`, for the size benchmark
 * and the size budgets: the same call through @piriod/api, openapi-fetch alone and axios.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type AppBundle, bundleApp, type Chunk, loadedOnDemand, upFront } from "./bundle-size.ts";

/**
 * Bytes of gzip -9 that a browser app making the client and calling `customers.update` may load,
 * for a spec of `operations` operations: 7,000 up front and 9,500 with the request validator's
 * chunk for today's two, and at most 150 more for each operation beyond them.
 */
export function sizeBudget(operations: number): { upFront: number; withRequestValidator: number } {
  const growth = PER_OPERATION_BUDGET * (operations - 2);
  return { upFront: 7_000 + growth, withRequestValidator: 9_500 + growth };
}

export const PER_OPERATION_BUDGET = 150;

/**
 * Behaviour that later changes added to every app after the budget above was set, each with what it cost that app (gzip -9 of the
 * app built with and without it, on the same spec). `npm test` holds the app to the budget plus these: it grows by operations and by
 * nothing else, and a change that adds behaviour says here what it costs. `npm run bench` judges the budget alone.
 */
export const ADDED_BEHAVIOUR: Record<string, number> = {
  "hostile servers and careless callers: bounded bodies read as they arrive, no redirect followed, owned headers refused, protocol errors named, every bad input a PiriodError, bounded messages, one listener per shared signal": 738,
  "lists: pages and their iteration, query keys checked; creates retried only when unsent; withOptions; the logger": 870,
  "hostile input, round two: the retry floor and its bound, owned headers for every request, causes redacted, a logger's failure swallowed, encodings and charsets checked in both entries (summaries, field errors, body redaction, a query's rules and a list's load on demand)": 1_545,
};

/** The budget, and the behaviour added since: what `npm test` holds the app to. */
export function sizeBudgetWithAddedBehaviour(operations: number): { upFront: number; withRequestValidator: number } {
  const added = Object.values(ADDED_BEHAVIOUR).reduce((sum, bytes) => sum + bytes, 0);
  const budget = sizeBudget(operations);
  return { upFront: budget.upFront + added, withRequestValidator: budget.withRequestValidator + added };
}

/** How many operations the client of the project in `root` serves: the entries of its generated operation table. */
export async function operationCount(root: string): Promise<number> {
  const { operations } = (await import(pathToFileURL(path.join(root, "generated", "operations.js")).href)) as {
    operations: Record<string, object>;
  };
  return Object.values(operations).reduce((count, methods) => count + Object.keys(methods).length, 0);
}

/** Bundle inputs that load on demand: the generated validators. */
export const REQUEST_VALIDATOR = "generated/validators/customer-update.js";
export const RESPONSE_VALIDATOR = "generated/validators/customer.js";

/**
 * `createPiriodClient` plus one `customers.update`, imported as an app imports the package: a
 * bundler for browsers picks the fetch entry by the `browser` export condition. Whether requests
 * are validated is an option read at run time, so the bundle is the same either way: what differs
 * is which chunks load.
 */
export const PIRIOD_APP = `
import { createPiriodClient } from "@piriod/api";
const piriod = createPiriodClient({ apiKey: "sk_test", workspace: "acc_01H8XYZ123ABC", dangerouslyAllowBrowser: true, validate: globalThis.piriodValidate });
export const updateCustomer = (id, body) => piriod.customers.update(id, body);
`;

export const OPENAPI_FETCH_APP = `
import createClient from "openapi-fetch";
const client = createClient({ baseUrl: "https://api.piriod.com", headers: { Authorization: "Token sk_test", "x-simple-workspace": "acc_01H8XYZ123ABC" } });
export const updateCustomer = (id, body) => client.PATCH("/customers/{id}/", { params: { path: { id } }, body });
`;

const axiosApp = (module: string) => `
import axios from "${module}";
const client = axios.create({ baseURL: "https://api.piriod.com", headers: { Authorization: "Token sk_test", "x-simple-workspace": "acc_01H8XYZ123ABC" } });
export const updateCustomer = (id, body) => client.patch(\`/customers/\${encodeURIComponent(id)}/\`, body).then((response) => response.data);
`;

export const AXIOS_027_APP = axiosApp("axios-0.27");
export const AXIOS_APP = axiosApp("axios");

/** The @piriod/api app bundled in `dir` (a consumer project, or the package itself), and what loads when. */
export async function piriodApp(
  dir: string,
): Promise<{ bundle: AppBundle; upFront: Chunk[]; withRequestValidator: Chunk[]; withResponseValidator: Chunk[] }> {
  const bundle = await bundleApp(PIRIOD_APP, "browser", dir);
  const upFrontChunks = upFront(bundle);
  const withRequestValidator = [...upFrontChunks, ...loadedOnDemand(bundle, REQUEST_VALIDATOR)];
  return {
    bundle,
    upFront: upFrontChunks,
    withRequestValidator,
    withResponseValidator: [...withRequestValidator, ...loadedOnDemand(bundle, RESPONSE_VALIDATOR)],
  };
}

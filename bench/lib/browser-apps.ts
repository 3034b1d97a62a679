/**
 * Browser apps that make one client and send one `PATCH /customers/{id}/`, for the size benchmark
 * and the size budgets: the same call through @piriod/api, openapi-fetch alone and axios.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type AppBundle, bundleApp, type Chunk, loadedOnDemand, upFront } from "./bundle-size.ts";

/**
 * Bytes of gzip -9 that a browser app making the client and calling `customers.update` may load,
 * for a spec of `operations` operations: a base for the client and its call path, and a cost per
 * operation, whose entry in the operation table loads up front (about 20 B today). The bases
 * leave room for what the open issues add to every call (hostile-input guards, per-call headers,
 * a User-Agent, structured logs): code that does not fit loads on first use, as the validators do.
 */
export function sizeBudget(operations: number): { upFront: number; withRequestValidator: number } {
  const growth = PER_OPERATION_BUDGET * operations;
  return { upFront: 11_000 + growth, withRequestValidator: 14_000 + growth };
}

export const PER_OPERATION_BUDGET = 50;

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

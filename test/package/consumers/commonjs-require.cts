// A CommonJS project loads the package with `require`: Node runs it from 20.19 (require of an ES
// module), TypeScript types it from 5.8.
import api = require("@piriod/api");

export async function renameCustomer(apiKey: string, id: string, name: string): Promise<api.Customer> {
  const piriod = api.createPiriodClient({ apiKey, workspace: "acc_01H8XYZ123ABC", testMode: true });
  const body: api.CustomerUpdate = { ...api.toCustomerUpdate(await piriod.customers.retrieve(id)), name };
  try {
    return await piriod.customers.update(id, body, { timeoutMs: 5_000 });
  } catch (error) {
    if (error instanceof api.PiriodValidationError) console.error(error.errors.map((issue) => issue.path));
    else if (error instanceof api.PiriodApiError) console.error(error.status, error.requestId);
    throw error;
  }
}

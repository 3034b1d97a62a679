// One consumer's use of @piriod/api, run in every runtime of the matrix: web-standard globals only,
// so the same file runs in Node, Deno, Bun and workerd. It returns what it saw; the test judges it.
export const API_KEY = "sk_test_runtimes";
export const WORKSPACE = "acc_01H8XYZ123ABC";
const NAMES = ["Andes SpA", "Bío Bío Ltda", "Cordillera SA", "Desierto SpA", "Estrecho Ltda"];

/** What the fake is asked for before the scenario runs: the first retrieve is answered 429 once. */
export function prepare(fake) {
  fake.failNext("customers.retrieve", { status: 429, headers: { "retry-after": "0" } });
}

/** What the fake received, oldest first, as `operation status`. */
export function received(fake) {
  return fake.requests.map(({ operation, status }) => `${operation} ${status}`);
}

/** The scenario, through `api` (the module `@piriod/api` as this runtime loaded it), on `connection` (`{ baseUrl }` or `{ fetch }`). */
export async function scenario(api, connection) {
  const { createPiriodClient, toCustomerUpdate, PiriodError, PiriodNotFoundError, PiriodBadRequestError } = api;
  const retries = [];
  const logger = { debug() {}, info: (message) => retries.push(message), warn() {}, error() {} };
  const options = { apiKey: API_KEY, workspace: WORKSPACE, ...connection, logger };
  // No dangerouslyAllowBrowser: this throws wherever the client takes the runtime for a browser.
  const piriod = createPiriodClient(options);

  const created = [];
  for (const name of NAMES) {
    created.push(await piriod.customers.create({ name, address: "Av. Providencia 1234", country: "CL", state: 13 }));
  }
  const listed = [];
  for await (const customer of piriod.customers.list({ page_size: 2, ordering: "name" })) listed.push(customer.name);
  const first = await piriod.customers.list({ page_size: 2 });

  const retrieved = await piriod.customers.retrieve(created[0].id);
  const updated = await piriod.customers.update(retrieved.id, {
    ...toCustomerUpdate(retrieved),
    email: "pagos@andes.cl",
  });
  const deleted = await piriod.customers.delete(created[1].id);
  const notFound = await caught(piriod.customers.retrieve(created[1].id));
  // Sent unchecked, so that the fake, not the client, judges the body.
  const unchecked = createPiriodClient({ ...options, validate: { request: false } });
  const badRequest = await caught(
    unchecked.customers.create({
      name: "Fiordo SpA",
      address: "Av. Providencia 1234",
      country: "CL",
      state: 13,
      email: "pagos",
    }),
  );

  return {
    guard: "quiet",
    created: created.map((customer) => customer.name),
    listed,
    pages: { count: first.count, items: first.items.length, hasNextPage: first.hasNextPage() },
    retrieved: retrieved.name,
    retried: retries.filter((message) => message.includes("429")).length,
    updated: { id: updated.id === retrieved.id, email: updated.email },
    deleted: deleted === undefined ? "undefined" : typeof deleted,
    notFound: described(notFound, PiriodNotFoundError, PiriodError),
    badRequest: { ...described(badRequest, PiriodBadRequestError, PiriodError), fieldErrors: badRequest.fieldErrors },
  };
}

// The documented delivery, signed by Python's hmac as Piriod's guide signs it (test/webhooks/fixtures/vectors.json, "documented").
const WEBHOOK = {
  secret: "whsecret_Pq7RtV2xZb9KmN4cWd8FgH3jLs6YaE1uIo5TnB0vXr7CkM2pQw9SfZ4",
  body: '{"event": "payment.created", "object_id": "pay_123"}',
  signature: "dcd84d742c6be4e916e39a67585bcdd9c500f79d9f5f35384789af18bbfd1255",
};

/**
 * Webhooks in this runtime, on its own Web Crypto: `api.verifyWebhook` on Python's signature, on a tampered body and as bytes, then
 * a delivery of `testing`'s fake to a handler that verifies it.
 */
export async function webhooks(api, testing) {
  const outcome = (promise) =>
    promise.then(
      (event) => event,
      (error) => `${error.name}: ${error.reason}`,
    );
  const documented = await outcome(api.verifyWebhook(WEBHOOK));
  const tampered = await outcome(api.verifyWebhook({ ...WEBHOOK, body: WEBHOOK.body.replace("pay_123", "pay_124") }));
  const bytes = await outcome(api.verifyWebhook({ ...WEBHOOK, body: new TextEncoder().encode(WEBHOOK.body) }));
  const fake = testing.createPiriodFake();
  const handled = [];
  fake.webhooks.register({
    secret: WEBHOOK.secret,
    handler: async (request) => {
      const body = await request.text();
      handled.push(
        await outcome(
          api.verifyWebhook({ body, signature: request.headers.get("x-piriod-signature"), secret: WEBHOOK.secret }),
        ),
      );
      return new Response(null, { status: 204 });
    },
  });
  const deliveries = await fake.webhooks.send("payment.created", "pay_123");
  return {
    documented,
    tampered,
    bytes,
    handled,
    delivered: deliveries.map(({ outcome, status }) => `${outcome} ${status}`),
  };
}

async function caught(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("the call succeeded where it should have failed");
}

function described(error, Class, Base) {
  return { name: error.name, status: error.status, instanceOf: error instanceof Class && error instanceof Base };
}

/**
 * How a client made with no key names itself: the `user-agent`, key and workspace its one request carries (the key and workspace
 * from PIRIOD_API_KEY and PIRIOD_WORKSPACE, where the runtime lets it read them), or the error that refuses to make it.
 */
export async function identity(api) {
  let sent;
  const fetch = async (request) => {
    sent = {
      userAgent: request.headers.get("user-agent"),
      authorization: request.headers.get("authorization"),
      workspace: request.headers.get("x-simple-workspace"),
    };
    return Response.json({ detail: "Not found." }, { status: 404 });
  };
  let piriod;
  try {
    piriod = api.createPiriodClient({ fetch, maxRetries: 0 });
  } catch (error) {
    return { refused: error.message };
  }
  await caught(piriod.customers.retrieve("cus_1"));
  return sent;
}

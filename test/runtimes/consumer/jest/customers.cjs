// A Jest suite of a consumer's own, shared by the CommonJS and the ES module projects beside it:
// each hands it @piriod/api and @piriod/api/testing as it loaded them (require or import).
const API_KEY = "sk_test_jest";
const WORKSPACE = "acc_01H8XYZ123ABC";
const ANDES = { name: "Andes SpA", address: "Av. Providencia 1234", country: "CL", state: 13 };

/** Registers the tests (Jest's globals) for `api` and `testing`. */
function customersSuite(api, testing) {
  const fake = testing.createPiriodFake({ apiKey: API_KEY });
  const connect = (options) => api.createPiriodClient({ apiKey: API_KEY, workspace: WORKSPACE, ...options });
  const received = () => fake.requests.map(({ operation, status }) => `${operation} ${status}`);
  beforeEach(() => fake.reset());

  test("a customer's life through fake.fetch, a retried 429 included", async () => {
    const piriod = connect({ fetch: fake.fetch });
    const created = [];
    for (const name of ["Andes SpA", "Bío Bío Ltda", "Cordillera SA"]) {
      created.push(await piriod.customers.create({ ...ANDES, name }));
    }
    const listed = [];
    for await (const customer of piriod.customers.list({ page_size: 2, ordering: "name" })) listed.push(customer.name);
    expect(listed).toEqual(["Andes SpA", "Bío Bío Ltda", "Cordillera SA"]);
    fake.failNext("customers.retrieve", { status: 429, headers: { "retry-after": "0" } });
    const andes = await piriod.customers.retrieve(created[0].id);
    const updated = await piriod.customers.update(andes.id, {
      ...api.toCustomerUpdate(andes),
      email: "pagos@andes.cl",
    });
    expect(updated.email).toBe("pagos@andes.cl");
    await expect(piriod.customers.delete(andes.id)).resolves.toBeUndefined();
    const gone = await piriod.customers.retrieve(andes.id).catch((error) => error);
    expect(gone).toBeInstanceOf(api.PiriodNotFoundError);
    expect(gone).toBeInstanceOf(api.PiriodError);
    // Three creates, two pages, the 429 then the retry, and the rest once each.
    expect(received()).toEqual(
      [
        ...["create 201", "create 201", "create 201", "list 200", "list 200", "retrieve 429", "retrieve 200"],
        ...["update 200", "delete 204", "retrieve 404"],
      ].map((call) => `customers.${call}`),
    );
  });

  test("Piriod's field errors, and raw's openapi-fetch loaded on first use", async () => {
    const unchecked = connect({ fetch: fake.fetch, validate: { request: false } });
    const refused = await unchecked.customers.create({ ...ANDES, email: "pagos" }).catch((error) => error);
    expect(refused).toBeInstanceOf(api.PiriodBadRequestError);
    expect(refused.fieldErrors).toEqual([{ path: "/email", message: "Enter a valid email address." }]);
    const { data, response } = await unchecked.raw.GET("/customers/");
    expect([response.status, data.count]).toEqual([200, 0]);
  });

  test("the fake over HTTP, through the client's own transport", async () => {
    const server = await fake.listen();
    try {
      const piriod = connect({ baseUrl: server.url });
      const created = await piriod.customers.create(ANDES);
      expect((await piriod.customers.retrieve(created.id)).name).toBe("Andes SpA");
    } finally {
      await server.close();
    }
  });
}

module.exports = { customersSuite };

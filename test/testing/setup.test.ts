import { describe, expect, it } from "vitest";
import { validateContact, validateCustomer } from "../../generated/validators.js";
import { createPiriodClient, PiriodError, PiriodNotFoundError, PiriodValidationError } from "../../src/index.ts";
import { createPiriodFake } from "../../src/testing/index.ts";
import { defined } from "../helpers/defined.ts";
import { customerBody, fakeAndClient, WORKSPACE } from "../helpers/fake-client.ts";

describe("setting the fake up for a test", () => {
  it("builds valid objects from the spec's example, each with a new id, with the caller's fields over it", () => {
    const fake = createPiriodFake({ now: () => new Date("2026-12-06T00:00:00Z") });
    const [one, two] = [fake.build.customers(), fake.build.customers({ email: "pagos@sur.cl", country: "PE" })];
    expect(validateCustomer(one).ok && validateCustomer(two).ok).toBe(true);
    expect(one.id).not.toBe(two.id);
    expect(one).toMatchObject({
      name: "Comercializadora Andes SpA",
      country: { id: "CL", name: "Chile" },
      created: "2026-12-06T00:00:00.000Z",
      contacts: [],
    });
    expect(two).toMatchObject({ email: "pagos@sur.cl", country: { id: "PE" } });
    expect(validateContact(fake.build.contacts({ name: "Ana" })).ok).toBe(true);
    // Nothing is stored by building.
    expect(fake.requests).toEqual([]);
  });

  it("refuses a factory's field that breaks the schema, naming it", () => {
    const fake = createPiriodFake();
    expect(() => fake.build.customers({ email: "nope" })).toThrow(PiriodValidationError);
    expect(() => fake.build.customers({ email: "nope" })).toThrow(
      "build.customers is not a valid Customer: /email must be a valid email",
    );
  });

  it("seeds objects as given, filling only what the server writes, in the workspace and mode asked for", async () => {
    const { fake, piriod } = fakeAndClient({ now: () => new Date("2026-12-06T00:00:00Z") });
    const { customers } = fake.seed({ customers: [{ ...customerBody({ id: "cus_SEEDED" }), country: "CL" }] });
    expect(customers[0]).toMatchObject({
      id: "cus_SEEDED",
      country: { id: "CL", name: "Chile" },
      send_invoices: true,
      created: "2026-12-06T00:00:00.000Z",
      test_mode: false,
    });
    expect(await piriod.customers.retrieve("cus_SEEDED")).toEqual(customers[0]);
    fake.seed({ customers: [fake.build.customers({ name: "Test" })] }, { testMode: true });
    fake.seed({ customers: [fake.build.customers({ name: "Other" })] }, { workspace: "acc_other" });
    expect((await piriod.customers.list()).items.map((customer) => customer.name)).toEqual([
      "Comercializadora Andes SpA",
    ]);
    expect(
      (await piriod.withOptions({ testMode: true }).customers.list()).items.map((customer) => customer.test_mode),
    ).toEqual([true]);
    expect(
      (await piriod.withOptions({ workspace: "acc_other" }).customers.list()).items.map((customer) => customer.name),
    ).toEqual(["Other"]);
  });

  it("refuses a seed that breaks the schema, naming the object and the fields, and stores none of it", async () => {
    const { fake, piriod } = fakeAndClient();
    expect(() => fake.seed({ customers: [fake.build.customers(), { name: "Half" }] })).toThrow(
      "seed: customers[1] is not a valid Customer: /address is required; /country is required; /state is required",
    );
    expect(() => fake.seed({ invoices: [{}] } as never)).toThrow(
      'seed: no resource "invoices"; the spec has customers, contacts',
    );
    expect(() => fake.seed({ customers: {} } as never)).toThrow(PiriodError);
    expect((await piriod.customers.list()).count).toBe(0);
  });

  it("records what it received: operation, method, path, query, headers without the key, body and status", async () => {
    const { fake, piriod } = fakeAndClient();
    await piriod.customers.create(customerBody({ email: "pagos@andes.cl" }));
    await piriod.customers.list({ country: "CL", page_size: 5 });
    const [create, list] = fake.requests;
    expect(create).toMatchObject({
      operation: "customers.create",
      method: "POST",
      path: "/customers/",
      query: {},
      body: customerBody({ email: "pagos@andes.cl" }),
      status: 201,
    });
    expect(defined(create, "the create request").headers).toMatchObject({
      authorization: "Token [redacted]",
      "x-simple-workspace": WORKSPACE,
      "content-type": "application/json",
    });
    expect(JSON.stringify(fake.requests)).not.toContain("sk_test_fake");
    expect(list).toMatchObject({
      operation: "customers.list",
      method: "GET",
      query: { country: "CL", page_size: "5" },
      status: 200,
    });
    expect(list).not.toHaveProperty("body");
  });

  it("forgets everything on reset, and starts from the spec's examples when asked", async () => {
    const { fake, piriod } = fakeAndClient({ examples: true });
    expect((await piriod.customers.retrieve("cus_01H8XYZ123ABC")).name).toBe("Comercializadora Andes SpA");
    expect((await piriod.contacts.retrieve("con_01H8XYZ123ABC")).name).toBe("Ignacio Fuentes");
    await piriod.customers.create(customerBody());
    fake.failNext("customers.list", { status: 503 });
    fake.reset();
    expect(fake.requests).toEqual([]);
    expect((await piriod.customers.list()).items.map((customer) => customer.id)).toEqual(["cus_01H8XYZ123ABC"]);
  });

  it("serves a client whose baseUrl has a path through fake.fetch, given that baseUrl, and answers 404 outside it", async () => {
    const gateway = "https://gateway.example.test/piriod";
    const { fake, piriod } = fakeAndClient({ baseUrl: gateway }, { baseUrl: gateway });
    const created = await piriod.customers.create(customerBody());
    const id = defined(created.id, "the customer's id");
    expect(await piriod.customers.retrieve(id)).toEqual(created);
    expect(fake.requests.map(({ operation, path }) => [operation, path])).toEqual([
      ["customers.create", "/customers/"],
      ["customers.retrieve", `/customers/${created.id}/`],
    ]);

    const elsewhere = createPiriodClient({
      apiKey: "sk_test_fake",
      workspace: WORKSPACE,
      fetch: fake.fetch,
      maxRetries: 0,
    });
    await expect(elsewhere.customers.retrieve(id)).rejects.toBeInstanceOf(PiriodNotFoundError);
    expect(fake.requests.at(-1)).toMatchObject({ path: `/customers/${created.id}/`, status: 404 });
    expect(fake.requests.at(-1)).not.toHaveProperty("operation");
  });

  it.each([
    "gateway.example.test/piriod",
    "ftp://gateway.example.test/",
    "https://gateway.example.test/piriod?v=1",
    "",
  ])("refuses the baseUrl %j, naming the option and the rule", (baseUrl) => {
    expect(() => createPiriodFake({ baseUrl })).toThrow(
      `createPiriodFake: baseUrl must be an absolute http or https URL without a query or fragment, not ${JSON.stringify(baseUrl)}`,
    );
    expect(() => createPiriodFake().handlers({ all: () => undefined }, { baseUrl })).toThrow(
      `handlers: baseUrl must be an absolute http or https URL without a query or fragment, not ${JSON.stringify(baseUrl)}`,
    );
  });
});

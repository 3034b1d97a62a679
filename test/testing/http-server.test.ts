import { afterEach, describe, expect, it } from "vitest";
import { createPiriodClient, PiriodConnectionError, toCustomerUpdate } from "../../src/node.ts";
import { createPiriodFake, type FakeServer } from "../../src/testing/index.ts";
import { defined } from "../helpers/defined.ts";
import { customerBody, WORKSPACE } from "../helpers/fake-client.ts";
import { portIsFree } from "../helpers/port-is-free.ts";

// The fake over HTTP (`fake.listen`), reached by the Node entry's keep-alive node:http transport,
// as a consumer's test or `piriod-fake` serves it.
describe("the fake over HTTP", () => {
  const servers: FakeServer[] = [];
  const listening = async (fake = createPiriodFake()) => {
    const server = await fake.listen();
    servers.push(server);
    const piriod = createPiriodClient({
      apiKey: "sk_test_fake",
      workspace: WORKSPACE,
      baseUrl: server.url,
      maxRetries: 0,
    });
    return { fake, server, piriod };
  };
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });

  it("listens on a free port of 127.0.0.1 and serves creates, updates, retrieves, lists and deletes", async () => {
    const { fake, server, piriod } = await listening();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);

    const created = await piriod.customers.create(customerBody({ email: "pagos@andes.cl" }));
    expect(created).toMatchObject({
      id: expect.stringMatching(/^cus_/),
      email: "pagos@andes.cl",
      country: { id: "CL", name: "Chile" },
    });
    const id = defined(created.id, "the customer's id");
    const updated = await piriod.customers.update(id, {
      ...toCustomerUpdate(created),
      email: "cobranza@andes.cl",
    });
    expect(updated.email).toBe("cobranza@andes.cl");
    expect(await piriod.customers.retrieve(id)).toEqual(updated);
    const page = await piriod.customers.list({ email: "cobranza@andes.cl" });
    expect(page.items.map((customer) => customer.id)).toEqual([created.id]);

    expect(await piriod.customers.delete(id)).toBeUndefined();
    expect((await piriod.customers.list()).count).toBe(0);
    expect(fake.requests.map(({ method, path, status }) => `${method} ${path} ${status}`)).toEqual([
      "POST /customers/ 201",
      `PATCH /customers/${created.id}/ 200`,
      `GET /customers/${created.id}/ 200`,
      "GET /customers/ 200",
      `DELETE /customers/${created.id}/ 204`,
      "GET /customers/ 200",
    ]);
  });

  it("links a list's pages on its own URL, and the client follows them to the last", async () => {
    const { fake, server, piriod } = await listening();
    fake.seed({ customers: Array.from({ length: 5 }, (_, index) => fake.build.customers({ name: `C${index + 1}` })) });

    const first = await fetch(`${server.url}/customers/?page_size=2`, {
      headers: { authorization: "Token sk_test_fake", "x-simple-workspace": WORKSPACE },
    });
    expect(await first.json()).toMatchObject({
      count: 5,
      next: `${server.url}/customers/?page_size=2&page=2`,
      previous: null,
    });
    const names: string[] = [];
    for await (const customer of piriod.customers.list({ page_size: 2 })) names.push(customer.name);
    expect(names).toEqual(["C1", "C2", "C3", "C4", "C5"]);
    expect(fake.requests.slice(1).map(({ query }) => query)).toEqual([
      { page_size: "2" },
      { page_size: "2", page: "2" },
      { page_size: "2", page: "3" },
    ]);
  });

  it("destroys the socket for a dropped connection: the client raises its connection error, and the server goes on", async () => {
    const { fake, piriod } = await listening();
    fake.failNext("customers.list", { drop: true });
    const error = await piriod.customers.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PiriodConnectionError);
    expect(fake.requests.map(({ status }) => status)).toEqual([0]);
    expect((await piriod.customers.list()).count).toBe(0);
  });

  it("frees its port on close(), with the client's keep-alive connection open, and refuses connections after", async () => {
    const { server, piriod } = await listening();
    await piriod.customers.list();
    expect(await portIsFree(server.port)).toBe(false);
    await server.close();
    expect(await portIsFree(server.port)).toBe(true);
    await expect(piriod.customers.list()).rejects.toBeInstanceOf(PiriodConnectionError);
  });

  it("listens on the port asked for", async () => {
    const fake = createPiriodFake();
    const first = await fake.listen();
    await first.close();
    const server = await fake.listen(first.port);
    servers.push(server);
    expect(server.url).toBe(first.url);
  });

  it.each([-1, 70_000, 1.5, Number.NaN])("refuses listen(%s), naming the rule", async (port) => {
    await expect(createPiriodFake().listen(port)).rejects.toThrow(
      `listen: the port must be a whole number from 0 to 65535, not ${port}`,
    );
  });

  it("refuses a port given as text, saying it is text", async () => {
    await expect(createPiriodFake().listen("4010" as unknown as number)).rejects.toThrow(
      'listen: the port must be a whole number from 0 to 65535, not the string "4010"',
    );
  });

  it("refuses a port already in use, naming it, and leaves the server on it serving", async () => {
    const { server, piriod } = await listening(createPiriodFake({ examples: true }));
    const refused = createPiriodFake().listen(server.port);
    await expect(refused).rejects.toThrow(
      `listen: port ${server.port} of 127.0.0.1 is in use; give another, or 0 for a free one`,
    );
    await expect(refused).rejects.toMatchObject({ code: "EADDRINUSE" });
    expect((await piriod.customers.retrieve("cus_01H8XYZ123ABC")).id).toBe("cus_01H8XYZ123ABC");
  });

  it("closes once however often it is asked, and a fake serves on two ports at once", async () => {
    const fake = createPiriodFake({ examples: true });
    const [first, second] = [await fake.listen(), await fake.listen()];
    servers.push(second);
    expect(first.port).not.toBe(second.port);
    await Promise.all([first.close(), first.close()]);
    await expect(first.close()).resolves.toBeUndefined();
    expect(await portIsFree(first.port)).toBe(true);
    const piriod = createPiriodClient({
      apiKey: "sk_test_fake",
      workspace: WORKSPACE,
      baseUrl: second.url,
      maxRetries: 0,
    });
    expect((await piriod.customers.retrieve("cus_01H8XYZ123ABC")).id).toBe("cus_01H8XYZ123ABC");
  });

  it("serves under the path of the fake's baseUrl, and gives that path in its url", async () => {
    const { server, piriod, fake } = await listening(
      createPiriodFake({ baseUrl: "https://gateway.example.test/piriod/" }),
    );
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/piriod`);
    await piriod.customers.create(customerBody());
    await piriod.customers.create(customerBody({ name: "Andes Ltda" }));
    const names: string[] = [];
    for await (const customer of piriod.customers.list({ page_size: 1 })) names.push(customer.name);
    expect(names).toHaveLength(2);
    expect(fake.requests.map(({ method, path, query }) => `${method} ${path} ${new URLSearchParams(query)}`)).toEqual([
      "POST /customers/ ",
      "POST /customers/ ",
      "GET /customers/ page_size=1",
      "GET /customers/ page_size=1&page=2",
    ]);
    const outside = await fetch(`http://127.0.0.1:${server.port}/customers/`, {
      headers: { authorization: "Token sk_test_fake", "x-simple-workspace": WORKSPACE },
    });
    expect([outside.status, await outside.json()]).toEqual([404, { detail: "Not found." }]);
  });
});

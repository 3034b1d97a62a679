// A project's test helpers built on @piriod/api/testing, compiled without msw and without
// @types/node: the fake's declarations must need neither. `http` stands in for msw 2.x's, by shape.
import { type Contact, type Customer, createPiriodClient } from "@piriod/api";
import {
  createPiriodFake,
  type FakeFault,
  type FakeServer,
  type PiriodFake,
  type ReceivedRequest,
} from "@piriod/api/testing";

/** What msw's `http.all` returns; the fake hands back whatever the caller's `http` makes. */
interface StandInHandler {
  readonly path: string;
  readonly resolve: (info: { request: Request }) => Promise<Response>;
}
const http = {
  all: (path: string, resolve: (info: { request: Request }) => Promise<Response>): StandInHandler => ({
    path,
    resolve,
  }),
};

export async function exerciseTheFake(): Promise<{
  customer: Customer;
  contact: Contact;
  statuses: number[];
  handlers: StandInHandler[];
  url: string;
}> {
  const fake: PiriodFake = createPiriodFake({
    apiKey: "sk_test_fake",
    workspaces: ["acc_01H8XYZ123ABC"],
    workspace: "acc_01H8XYZ123ABC",
    now: () => new Date("2026-03-01T12:00:00Z"),
    examples: true,
  });
  const { customers } = fake.seed(
    { customers: [fake.build.customers({ name: "Andes SpA", country: "CL", state: 13 })] },
    { testMode: false },
  );
  const andes: Customer | undefined = customers[0];
  if (!andes?.id) throw new Error("the fake seeded no customer");
  const contact: Contact = fake.build.contacts({ name: "Ana Rojas", customer: andes.id });
  fake.seed({ contacts: [contact] });

  const throttled: FakeFault = {
    status: 429,
    headers: { "retry-after": "0" },
    body: { detail: "Request was throttled." },
  };
  fake.failNext("customers.retrieve", throttled);
  fake.failNext("contacts.list", { delay: 5 });
  fake.failNext("customers.delete", { drop: true });

  const piriod = createPiriodClient({ apiKey: "sk_test_fake", workspace: "acc_01H8XYZ123ABC", fetch: fake.fetch });
  const customer = await piriod.customers.retrieve(andes.id);
  const received: readonly ReceivedRequest[] = fake.requests;
  const statuses = received.map((request) => request.status);
  const operations: (string | undefined)[] = received.map((request) => request.operation);
  void operations;

  const handlers: StandInHandler[] = fake.handlers(http, { baseUrl: "https://api.piriod.com" });
  const server: FakeServer = await fake.listen(0);
  await server.close();
  fake.reset();

  // @ts-expect-error: no operation of that name
  fake.failNext("customers.archive", { status: 500 });
  // @ts-expect-error: no resource of that name
  fake.seed({ invoices: [] });
  // @ts-expect-error: a customer's email is text
  fake.build.customers({ email: 42 });
  // @ts-expect-error: msw's http, or a stand-in, has an `all`
  fake.handlers({ get: http.all });

  return { customer, contact, statuses, handlers, url: server.url };
}

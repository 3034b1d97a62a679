/**
 * A full iteration of a filtered, sorted list through the client against `fake.fetch`: 10,000
 * customers seeded, every page of `country=CL&ordering=-created` read with `for await`, timed after
 * a write (the fake filters and sorts again) and once more with no write between (it reuses the
 * list it kept). Prints each case's times, in ms, as JSON.
 */
import { childInput } from "./input.ts";

interface Input {
  customers: number;
  rounds: number;
  pageSizes: number[];
}

interface Fake {
  fetch: typeof globalThis.fetch;
  seed(objects: { customers: unknown[] }): unknown;
  build: { customers(fields: Record<string, unknown>): unknown };
}
type Client = {
  customers: {
    list(query: Record<string, unknown>): AsyncIterable<unknown>;
    create(body: Record<string, unknown>): Promise<unknown>;
  };
};

// Held in variables so that they resolve where the benchmark runs, a project with the package installed.
const names = { client: "@piriod/api", testing: "@piriod/api/testing" };
const { createPiriodClient } = (await import(names.client)) as { createPiriodClient(options: object): Client };
const { createPiriodFake } = (await import(names.testing)) as { createPiriodFake(options: object): Fake };

const { customers, rounds, pageSizes } = childInput<Input>();
const fake = createPiriodFake({ apiKey: "sk_test_bench" });
fake.seed({
  customers: Array.from({ length: customers }, (_, index) =>
    fake.build.customers({
      name: `Cliente ${index}`,
      country: index % 2 === 0 ? "CL" : "MX",
      created: new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString(),
    }),
  ),
});
const piriod = createPiriodClient({ apiKey: "sk_test_bench", workspace: "acc_01H8XYZ123ABC", fetch: fake.fetch });

async function iteration(pageSize: number): Promise<{ ms: number; read: number }> {
  const started = performance.now();
  let read = 0;
  for await (const _customer of piriod.customers.list({ country: "CL", ordering: "-created", page_size: pageSize }))
    read++;
  return { ms: performance.now() - started, read };
}

const results: Record<string, { afterWrite: number[]; again: number[]; read: number }> = {};
for (const pageSize of pageSizes) {
  const result = { afterWrite: [] as number[], again: [] as number[], read: 0 };
  for (let round = 0; round < rounds; round++) {
    // A write first: the fake's kept lists are stale, and the first page filters and sorts again.
    await piriod.customers.create({
      name: `Nuevo ${round}`,
      address: "Av. Providencia 1234",
      country: "MX",
      state: 14,
    });
    const first = await iteration(pageSize);
    result.afterWrite.push(first.ms);
    result.again.push((await iteration(pageSize)).ms);
    result.read = first.read;
  }
  results[String(pageSize)] = result;
}
console.log(JSON.stringify(results));

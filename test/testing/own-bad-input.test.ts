import { describe, expect, it } from "vitest";
import { createPiriodFake, type FakeSeed } from "../../src/testing/index.ts";
import { defined } from "../helpers/defined.ts";
import { customerBody, send, WORKSPACE } from "../helpers/fake-client.ts";

// What a careless or hostile caller sends the fake itself: names that are also the names of an
// object's own machinery, and the like. Each is answered as any other input of its kind.
const OBJECT_MACHINERY = ["constructor", "toString", "__proto__", "hasOwnProperty"];

describe("the fake's own bad input", () => {
  it.each(OBJECT_MACHINERY)("answers a body field named %s as any field the schema does not have", async (field) => {
    const fake = createPiriodFake();
    // Written as text: an object literal's `__proto__` would set its prototype, not a field.
    const text = JSON.stringify(customerBody()).replace(/}$/, `,${JSON.stringify(field)}:"x"}`);
    const response = await send(fake, "/customers/", { method: "POST", body: text });
    expect([response.status, await response.text()]).toEqual([
      400,
      // A computed key makes an own field, even `__proto__`.
      JSON.stringify({ [field]: ["This field is not allowed."] }),
    ]);
  });

  it.each(OBJECT_MACHINERY)("answers it over HTTP too, with a 400 rather than a failure of its own", async (field) => {
    const server = await createPiriodFake().listen();
    try {
      const response = await fetch(`${server.url}/customers/`, {
        method: "POST",
        headers: {
          authorization: "Token sk_test_fake",
          "x-simple-workspace": WORKSPACE,
          "content-type": "application/json",
        },
        body: `{"name":"Andes","address":"Av. 1","country":"CL","state":13,"${field}":{"${field}":1}}`,
      });
      expect([response.status, await response.text()]).toEqual([
        400,
        JSON.stringify({ [field]: ["This field is not allowed."] }),
      ]);
    } finally {
      await server.close();
    }
  });
});

describe("the fake's lists, given query parameters named like an object's machinery", () => {
  it.each(OBJECT_MACHINERY)("ignores ?%s=x as any parameter the list does not declare", async (name) => {
    const fake = createPiriodFake();
    fake.seed({ customers: [fake.build.customers(), fake.build.customers()] });
    for (const query of [`?${name}=x`, "?nickname=x", `?ordering=${name}`]) {
      const response = await send(fake, `/customers/${query}`);
      expect([query, response.status, (await response.json()).count]).toEqual([query, 200, 2]);
    }
  });
});

describe("seed, given objects parsed from JSON with an own __proto__ key", () => {
  const parsed = (text: string) => JSON.parse(text) as FakeSeed;
  const fields = `"address":"Av. Providencia 1234","country":"CL","state":13`;

  it("keeps __proto__ as a field, never as the prototype that would lend the object a name", () => {
    const fake = createPiriodFake();
    expect(() => fake.seed(parsed(`{"customers":[{"__proto__":{"name":"Lent"},${fields}}]}`))).toThrow(
      "seed: customers[0] is not a valid Customer: /name is required",
    );
    const [stored] = fake.seed(parsed(`{"customers":[{"__proto__":{"x":1},"name":"Andes",${fields}}]}`)).customers;
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(Object.hasOwn(defined(stored, "the stored customer"), "__proto__")).toBe(true);
    expect(stored?.name).toBe("Andes");
  });

  it("refuses a resource named __proto__ as any resource the spec has not", () => {
    expect(() => createPiriodFake().seed(parsed(`{"__proto__":[{"name":"Andes",${fields}}]}`))).toThrow(
      'seed: no resource "__proto__"; the spec has customers, contacts',
    );
  });
});

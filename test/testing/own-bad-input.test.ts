import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createPiriodFake, type FakeSeed, type FakeServer, type PiriodFake } from "../../src/testing/index.ts";
import { defined } from "../helpers/defined.ts";
import { customerBody, send, WORKSPACE } from "../helpers/fake-client.ts";

// What a careless or hostile caller sends the fake itself: names that are also the names of an
// object's own machinery, and the like. Each is answered as any other input of its kind.
const OBJECT_MACHINERY = ["constructor", "toString", "__proto__", "hasOwnProperty"];

describe("the fake's own bad input", () => {
  it.each(OBJECT_MACHINERY)(
    "ignores a body field named %s as Piriod ignores any field it does not declare",
    async (field) => {
      const fake = createPiriodFake();
      const text = JSON.stringify(customerBody()).replace(/}$/, `,${JSON.stringify(field)}:"x"}`);
      const response = await send(fake, "/customers/", { method: "POST", body: text });
      const created = (await response.json()) as Record<string, unknown>;
      expect([response.status, Object.hasOwn(created, field), created.name]).toEqual([201, false, customerBody().name]);
    },
  );

  it.each(OBJECT_MACHINERY)(
    "refuses a body field named %s as any field the schema does not have, when strict",
    async (field) => {
      const fake = createPiriodFake({ strict: true });
      // Written as text: an object literal's `__proto__` would set its prototype, not a field.
      const text = JSON.stringify(customerBody()).replace(/}$/, `,${JSON.stringify(field)}:"x"}`);
      const response = await send(fake, "/customers/", { method: "POST", body: text });
      expect([response.status, await response.text()]).toEqual([
        400,
        // A computed key makes an own field, even `__proto__`.
        JSON.stringify({ [field]: ["This field is not allowed."] }),
      ]);
    },
  );

  it.each(OBJECT_MACHINERY)(
    "answers it over HTTP too, when strict, with a 400 rather than a failure of its own",
    async (field) => {
      const server = await createPiriodFake({ strict: true }).listen();
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
    },
  );
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

describe("request bodies the fake cannot or should not read", () => {
  const servers: FakeServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });
  const listening = async (fake: PiriodFake) => {
    const server = await fake.listen();
    servers.push(server);
    return server;
  };
  const HEADERS = {
    authorization: "Token sk_test_fake",
    "x-simple-workspace": WORKSPACE,
    "content-type": "application/json",
  };

  it("answers 413 past maxBodyBytes through fetch, and records the request without its body", async () => {
    const fake = createPiriodFake({ maxBodyBytes: 100 });
    const response = await send(fake, "/customers/", {
      method: "POST",
      body: customerBody({ manager: "m".repeat(60) }),
    });
    expect([response.status, await response.json()]).toEqual([
      413,
      { detail: "Request body is larger than 100 bytes." },
    ]);
    expect(fake.requests.map(({ status, body }) => [status, body])).toEqual([[413, undefined]]);
    expect((await send(fake, "/customers/", { method: "POST", body: customerBody() })).status).toBe(201);
  });

  it("answers 413 over HTTP while the client is still sending a body that never ends, and closes that connection", async () => {
    const server = await listening(createPiriodFake({ maxBodyBytes: 64 * 1024 }));
    const { status, body, sent } = await new Promise<{ status: number; body: string; sent: number }>(
      (resolve, reject) => {
        let sent = 0;
        const request = http.request(`${server.url}/customers/`, { method: "POST", headers: HEADERS });
        const chunk = Buffer.alloc(16 * 1024, 0x20);
        const write = () => {
          // Endless: only the answer stops it.
          while (request.write(chunk)) sent += chunk.length;
          sent += chunk.length;
        };
        request.on("drain", write);
        request.on("response", (response) => {
          let text = "";
          response.on("data", (part) => {
            text += part;
          });
          response.on("end", () => {
            request.off("drain", write);
            request.destroy();
            resolve({ status: response.statusCode ?? 0, body: text, sent });
          });
        });
        request.on("error", reject);
        write();
      },
    );
    expect([status, JSON.parse(body)]).toEqual([413, { detail: "Request body is larger than 65536 bytes." }]);
    // Answered long before a body of any size was read: the client had sent little more than the limit and its buffers.
    expect(sent).toBeLessThan(64 * 1024 * 100);
  });

  it("answers 413 at the default of 2.5 MB", async () => {
    const fake = createPiriodFake();
    const body = customerBody({ metadata: { note: "x".repeat(2_621_440) } });
    expect((await send(fake, "/customers/", { method: "POST", body })).status).toBe(413);
  });

  it.each([0, -1, 1.5, "100"])("refuses maxBodyBytes and maxRequests of %j, naming the option", (value) => {
    expect(() => createPiriodFake({ maxBodyBytes: value as number })).toThrow(
      `createPiriodFake: maxBodyBytes must be a whole number, 1 or more, not ${value}`,
    );
    expect(() => createPiriodFake({ maxRequests: value as number })).toThrow(
      `createPiriodFake: maxRequests must be a whole number, 1 or more, not ${value}`,
    );
  });

  it("keeps only the newest maxRequests requests when asked, and every one by default", async () => {
    const bounded = createPiriodFake({ maxRequests: 2 });
    const unbounded = createPiriodFake();
    for (const size of [1, 2, 3, 4]) {
      await send(bounded, `/customers/?page_size=${size}`);
      await send(unbounded, `/customers/?page_size=${size}`);
    }
    expect(bounded.requests.map(({ query }) => query.page_size)).toEqual(["3", "4"]);
    expect(unbounded.requests).toHaveLength(4);
  });

  it("answers 400 to an absolute-form request target, as a server of paths", async () => {
    const server = await listening(createPiriodFake());
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(server.port, "127.0.0.1", () =>
        socket.write(`GET ${server.url}/customers/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
      );
      let text = "";
      socket.on("data", (part) => {
        text += part;
      });
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 400 Bad Request");
    expect(answer).toContain('{"detail":"The request target must be a path, such as /customers/."}');
  });

  it.each([
    ["ff", "byte 0xff in position 9: invalid start byte"],
    ["e228a1", "byte 0xe2 in position 9: invalid continuation byte"],
    ["e28228", "bytes in position 9-10: invalid continuation byte"],
    ["e282", "bytes in position 9-10: invalid continuation byte"],
  ])("answers 400 to a JSON body holding the bytes %s that are no UTF-8, in Python's words", async (hex, where) => {
    const before = Buffer.from('{"name":"');
    const after = Buffer.from('","address":"Av. 1","country":"CL","state":13}');
    const body = Buffer.concat([before, Buffer.from(hex, "hex"), after]);
    const expected = [400, { detail: `JSON parse error - 'utf-8' codec can't decode ${where}` }];
    const fake = createPiriodFake();
    const fetched = await fake.fetch("https://api.piriod.com/customers/", { method: "POST", headers: HEADERS, body });
    expect([fetched.status, await fetched.json()]).toEqual(expected);
    const server = await listening(fake);
    const served = await fetch(`${server.url}/customers/`, { method: "POST", headers: HEADERS, body });
    expect([served.status, await served.json()]).toEqual(expected);
  });
});

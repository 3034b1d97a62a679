import { describe, expect, it } from "vitest";
import { PiriodNotFoundError } from "../../src/index.ts";
import { createPiriodFake } from "../../src/testing/index.ts";
import { defined } from "../helpers/defined.ts";
import { customerBody, fakeAndClient, send } from "../helpers/fake-client.ts";

// requestId testable with the fake: an x-request-id on every answer when asked, and headers added to a valid answer by failNext.
describe("requestIds", () => {
  it("is off by default: Piriod's docs do not document x-request-id", async () => {
    const { piriod } = fakeAndClient();
    const { requestId } = await piriod.customers.create(customerBody()).withResponse();
    expect(requestId).toBeNull();
  });

  it("sends a new x-request-id with every answer, success or error, and records it", async () => {
    const { fake, piriod } = fakeAndClient({ requestIds: true });
    const created = await piriod.customers.create(customerBody()).withResponse();
    const listed = await piriod.customers.list().withResponse();
    const missing = await piriod.customers.retrieve("cus_missing").catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(PiriodNotFoundError);
    const ids = [created.requestId, listed.requestId, (missing as PiriodNotFoundError).requestId];
    for (const id of ids) expect(id).toMatch(/^req_[0-9A-Z]{14}$/);
    expect(new Set(ids).size).toBe(3);
    expect(fake.requests.map((request) => request.requestId)).toEqual(ids);
    expect((await send(fake, "/nowhere/")).headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("goes with the 413 a body too large gets, which the front server answers before any operation", async () => {
    const fake = createPiriodFake({ requestIds: true, maxBodyBytes: 10 });
    const answer = await send(fake, "/customers/", { method: "POST", body: customerBody() });
    expect(answer.status).toBe(413);
    expect(answer.headers.get("x-request-id")).toMatch(/^req_/);
    expect(fake.requests.map(({ status, requestId }) => [status, requestId])).toEqual([
      [413, answer.headers.get("x-request-id")],
    ]);
  });

  it.each(["yes", 1, null])("refuses requestIds of %j, naming the option", (value) => {
    expect(() => createPiriodFake({ requestIds: value as unknown as boolean })).toThrow(
      "createPiriodFake: requestIds must be true or false",
    );
  });
});

describe("failNext with headers alone", () => {
  it("adds them to the operation's own valid answer, body and status kept, once", async () => {
    const { fake, piriod } = fakeAndClient();
    const [customer] = fake.seed({ customers: [fake.build.customers()] }).customers;
    const id = defined(customer, "the seeded customer").id as string;
    fake.failNext("customers.retrieve", { headers: { "x-request-id": "req_chosen", "x-ratelimit-remaining": "0" } });
    const { data, response, requestId } = await piriod.customers.retrieve(id).withResponse();
    expect(data).toEqual(customer);
    expect(response.status).toBe(200);
    expect(requestId).toBe("req_chosen");
    expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await piriod.customers.retrieve(id).withResponse()).requestId).toBeNull();
  });

  it("wins over requestIds' own, and goes with a delay too", async () => {
    const { fake, piriod } = fakeAndClient({ requestIds: true });
    fake.failNext("customers.list", { delay: 1, headers: { "x-request-id": "req_chosen" } });
    expect((await piriod.customers.list().withResponse()).requestId).toBe("req_chosen");
  });

  it("is refused with a dropped connection, which has no headers", () => {
    expect(() => createPiriodFake().failNext("customers.list", { drop: true, headers: { a: "b" } })).toThrow(
      /^failNext: a dropped connection has no headers/,
    );
  });
});

import { describe, expect, it } from "vitest";
import type { CallArguments } from "../../docs-console/input.ts";
import type { Outcome, Session } from "../../docs-console/session.ts";
import { consoleOf, model, newSession } from "../helpers/console-session.ts";
import { defined } from "../helpers/defined.ts";

const create = consoleOf("customers.create");
const list = consoleOf("customers.list");
const retrieve = consoleOf("customers.retrieve");
const update = consoleOf("customers.update");
const remove = consoleOf("customers.delete");
const example = JSON.parse(defined(create.body, "the create's body").example);

function answered(outcome: Outcome) {
  if (outcome.kind !== "answer") throw new Error(`expected an answer, got ${JSON.stringify(outcome)}`);
  return outcome;
}

async function created(session: Session, fields: Record<string, unknown> = {}): Promise<string> {
  return defined(answered(await session.send(create, { path: [], body: { ...example, ...fields } })).created, "the id");
}

const names = async (session: Session, query: CallArguments["query"] = {}) => {
  const { body } = answered(await session.send(list, { path: [], query: { page_size: 100, ...query } }));
  return (body as { results: { name: string }[] }).results.map(({ name }) => name);
};

describe("a reader's visit: one fake, the package's client, every console", () => {
  it("keeps what one console creates for the others: list with a filter, retrieve, update, delete", async () => {
    const session = newSession();
    const id = await created(session, { name: "Andes SpA" });
    expect(await names(session, { name: "Andes SpA" })).toEqual(["Andes SpA"]);
    const read = answered(await session.send(retrieve, { path: [id] }));
    expect([read.status, (read.body as { id: string }).id]).toEqual([200, id]);
    const changed = answered(await session.send(update, { path: [id], body: { ...example, email: "pagos@andes.cl" } }));
    expect([changed.status, (changed.body as { email: string }).email]).toEqual([200, "pagos@andes.cl"]);
    expect(answered(await session.send(remove, { path: [id] }))).toMatchObject({ status: 204, headers: [] });
    const gone = answered(await session.send(retrieve, { path: [id] }));
    expect([gone.status, gone.body]).toEqual([404, { detail: "Not found." }]);
    expect(gone.received).toEqual([{ method: "GET", target: `/customers/${id}/`, status: 404 }]);
  });

  it("fills an update's body from the object, with the converter the spec names", async () => {
    const session = newSession();
    const id = await created(session);
    const filled = await session.fill(update, { path: [id] });
    expect(filled.outcome).toMatchObject({ kind: "answer", status: 200, received: [{ method: "GET", status: 200 }] });
    const body = JSON.parse(defined(filled.body, "the filled body"));
    expect(body).toMatchObject({ name: example.name, country: "MX", state: 14 });
    expect(body).not.toHaveProperty("id");
    const missing = await session.fill(update, { path: ["cus_missing"] });
    expect([missing.body, missing.outcome.kind, answered(missing.outcome).status]).toEqual([undefined, "answer", 404]);
  });

  it("refuses a body that breaks the schema before sending, naming each field and rule", async () => {
    const session = newSession();
    const outcome = await session.send(update, { path: ["cus_01H8XYZ123ABC"], body: { name: 42, email: "no" } });
    expect(outcome.kind).toBe("refused");
    expect(outcome.received).toEqual([]);
    expect(outcome.kind === "refused" && outcome.errors.map(({ path }) => path).sort()).toEqual([
      "/address",
      "/country",
      "/email",
      "/name",
      "/state",
    ]);
  });

  it("sends it anyway when bodies are not checked, and shows the fake's 400 by field", async () => {
    const session = newSession();
    session.settings.validateRequest = false;
    const outcome = answered(await session.send(update, { path: ["cus_01H8XYZ123ABC"], body: { email: "no" } }));
    expect(outcome.status).toBe(400);
    expect(outcome.fieldErrors).toContainEqual({ path: "/email", message: "Enter a valid email address." });
    expect(outcome.fieldErrors).toContainEqual({ path: "/name", message: "This field is required." });
  });

  it("keeps workspaces and test mode apart", async () => {
    const session = newSession();
    session.settings.testMode = true;
    await created(session, { name: "Prueba SpA" });
    expect(await names(session)).toEqual(["Prueba SpA"]);
    session.settings.testMode = false;
    expect(await names(session)).not.toContain("Prueba SpA");
    session.settings.workspace = "acc_01J0OTHER0000000";
    expect(await names(session)).toEqual([]);
    session.settings.workspace = "";
    expect(await session.send(list, { path: [] })).toMatchObject({ kind: "refused", message: /workspace is required/ });
  });

  it("starts over from the spec's examples on reset", async () => {
    const session = newSession();
    const before = await names(session);
    expect(before.length).toBeGreaterThan(0);
    const id = await created(session, { name: "Efímera SpA" });
    session.reset();
    expect(await names(session)).toEqual(before);
    expect(answered(await session.send(retrieve, { path: [id] })).status).toBe(404);
  });

  it("pages through a list: its number, count and the way to the next page", async () => {
    const session = newSession();
    await created(session);
    const first = answered(await session.send(list, { path: [], query: { page_size: 1 } }));
    expect(first.page).toMatchObject({ number: 1, count: 2, items: 1 });
    const second = answered(await defined(first.page?.next, "the next page")());
    expect(second.page).toMatchObject({ number: 2, count: 2, items: 1 });
    expect(second.page?.next).toBeUndefined();
    expect(second.received).toEqual([{ method: "GET", target: "/customers/?page_size=1&page=2", status: 200 }]);
  });

  describe("a fault queued for the next call, watched as the client retries", () => {
    it("waits as a 429's Retry-After asks, then succeeds", async () => {
      const outcome = answered(await newSession().send(list, { path: [] }, "throttled"));
      expect(outcome.status).toBe(200);
      expect(outcome.received.map(({ status }) => status)).toEqual([429, 200]);
      expect(outcome.log).toContainEqual(expect.stringMatching(/answered 429; retrying in 1000 ms \(attempt 2 of 3\)/));
    });

    it("tries a read again after a dropped connection", async () => {
      const outcome = answered(await newSession().send(retrieve, { path: ["cus_01H8XYZ123ABC"] }, "dropped"));
      expect(outcome.received.map(({ status }) => status)).toEqual([0, 200]);
    });

    it("does not send a create again after a 500: it may have been done", async () => {
      const outcome = answered(await newSession().send(create, { path: [], body: example }, "serverError"));
      expect([outcome.status, outcome.received.length]).toEqual([500, 1]);
      expect(outcome.body).toMatch(/Server Error \(500\)/);
    });

    it("is dropped when the client refuses the call, and does not meet the next one", async () => {
      const session = newSession();
      const id = "cus_01H8XYZ123ABC";
      expect((await session.send(update, { path: [id], body: {} }, "serverError")).kind).toBe("refused");
      const next = answered(await session.send(update, { path: [id], body: example }));
      expect(next.received.map(({ status }) => status)).toEqual([200]);
    });
  });

  it("previews the request the client would send, with placeholders for the key and workspace", async () => {
    const session = newSession();
    session.settings.testMode = true;
    const preview = await session.preview(retrieve, { path: ["cus/1"] });
    expect(preview).toEqual({
      method: "GET",
      url: "https://api.piriod.com/customers/cus%2F1/",
      headers: expect.arrayContaining([
        ["authorization", "Token <api_token>"],
        ["x-simple-workspace", "<workspace_id>"],
        ["x-piriod-test-mode", "true"],
      ]),
    });
    expect(model.workspace).not.toBe("<workspace_id>");
  });
});

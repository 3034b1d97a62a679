import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  PiriodAuthenticationError,
  PiriodError,
  PiriodNotFoundError,
  PiriodPermissionDeniedError,
} from "../../src/index.ts";
import { createPiriodFake } from "../../src/testing/index.ts";
import { defined } from "../helpers/defined.ts";
import { customerBody, fakeAndClient, send, WORKSPACE } from "../helpers/fake-client.ts";
import { REPO_ROOT } from "../helpers/project-copy.ts";

describe("the fake reads the headers as Piriod does", () => {
  it.each([
    ["no Authorization", undefined, "Authentication credentials were not provided."],
    ["another scheme", "Bearer sk_test_fake", "Authentication credentials were not provided."],
    ["Token without a key", "Token", "Invalid token header. No credentials provided."],
    ["a key with spaces", "Token sk test", "Invalid token header. Token string should not contain spaces."],
  ])("answers 401 with DRF's detail for %s", async (_, authorization, detail) => {
    const fake = createPiriodFake();
    const response = await send(fake, "/customers/", { headers: { authorization } });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Token");
    expect(await response.json()).toEqual({ detail });
  });

  it("takes the keyword in any case, and any key unless told which", async () => {
    const fake = createPiriodFake();
    expect((await send(fake, "/customers/", { headers: { authorization: "token anything" } })).status).toBe(200);
  });

  it("accepts only its apiKey when given one: another key is 401 Invalid token.", async () => {
    const { piriod } = fakeAndClient({ apiKey: "sk_test_right" }, { apiKey: "sk_test_wrong" });
    const error = await piriod.customers.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PiriodAuthenticationError);
    expect((error as PiriodAuthenticationError).body).toEqual({ detail: "Invalid token." });
    const { piriod: right } = fakeAndClient({ apiKey: "sk_test_right" }, { apiKey: "sk_test_right" });
    expect((await right.customers.list()).count).toBe(0);
  });

  it("answers 400 with non_field_errors when x-simple-workspace is missing, after authentication", async () => {
    const fake = createPiriodFake();
    const response = await send(fake, "/customers/", { headers: { "x-simple-workspace": undefined } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ non_field_errors: ["x-simple-workspace header is required."] });
    const both = await send(fake, "/customers/", {
      headers: { "x-simple-workspace": undefined, authorization: undefined },
    });
    expect(both.status).toBe(401);
  });

  it("answers 403 for a workspace outside its workspaces option", async () => {
    const { piriod } = fakeAndClient({ workspaces: ["acc_mine"] }, { workspace: "acc_other" });
    const error = await piriod.customers.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PiriodPermissionDeniedError);
    expect((error as PiriodPermissionDeniedError).body).toEqual({
      detail: "You do not have permission to perform this action.",
    });
  });

  it("words each refusal of its headers as docs/testing.md's list of what the fake models says", async () => {
    const fake = createPiriodFake({ apiKey: "sk_test_right", workspaces: [WORKSPACE] });
    const refusals = await Promise.all(
      [
        { authorization: undefined },
        { authorization: "Token sk_test_wrong" },
        { authorization: "Token sk_test_right", "x-simple-workspace": undefined },
        { authorization: "Token sk_test_right", "x-simple-workspace": "acc_other" },
      ].map(async (headers) => {
        const response = await send(fake, "/customers/", { headers });
        const body = (await response.json()) as { detail?: string; non_field_errors?: string[] };
        return [response.status, body.detail ?? body.non_field_errors?.[0]] as const;
      }),
    );
    const page = await readFile(path.join(REPO_ROOT, "docs", "testing.md"), "utf8");
    const models = page.slice(page.indexOf("## What the fake models")).replace(/\s+/g, " ");
    // Each as `<status> \`…<message>…\``: the status, then the body or its message in code.
    const quoted = (text = "") => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    for (const [status, message] of refusals)
      expect(models).toMatch(new RegExp(`${status} \`[^\`]*${quoted(message)}[^\`]*\``));
  });

  it("refuses a seed into a workspace outside its workspaces option, which no call could read", async () => {
    const fake = createPiriodFake({ workspaces: ["acc_mine"], workspace: "acc_mine" });
    expect(() => fake.seed({ customers: [customerBody()] }, { workspace: "acc_other" })).toThrow(
      new PiriodError('seed: workspace "acc_other" is not one the fake accepts (acc_mine)'),
    );
    expect(fake.seed({ customers: [customerBody()] }, { workspace: "acc_mine" }).customers).toHaveLength(1);
  });

  it("seeds into the first of its workspaces when not told where, and refuses a default outside them", async () => {
    const { piriod } = fakeAndClient(
      { workspaces: ["acc_mine", "acc_also"], examples: true },
      { workspace: "acc_mine" },
    );
    expect((await piriod.customers.list()).count).toBeGreaterThan(0);
    expect(() => createPiriodFake({ workspaces: ["acc_mine"], workspace: "acc_other" })).toThrow(
      new PiriodError('createPiriodFake: workspace "acc_other" is not one the fake accepts (acc_mine)'),
    );
  });

  it("keeps each workspace's data apart", async () => {
    const { fake, piriod } = fakeAndClient();
    const created = await piriod.customers.create(customerBody());
    const elsewhere = piriod.withOptions({ workspace: "acc_other" });
    const id = defined(created.id, "the customer's id");
    await expect(elsewhere.customers.retrieve(id)).rejects.toBeInstanceOf(PiriodNotFoundError);
    expect((await elsewhere.customers.list()).count).toBe(0);
    expect((await piriod.customers.list()).count).toBe(1);
    expect(fake.requests.map((request) => request.headers["x-simple-workspace"])).toEqual([
      WORKSPACE,
      "acc_other",
      "acc_other",
      WORKSPACE,
    ]);
  });

  it("keeps test mode apart: a customer made in test mode is 404 without x-piriod-test-mode: true", async () => {
    const { piriod } = fakeAndClient();
    const test = piriod.withOptions({ testMode: true });
    const made = await test.customers.create(customerBody());
    expect(made.test_mode).toBe(true);
    const id = defined(made.id, "the customer's id");
    expect((await test.customers.retrieve(id)).id).toBe(made.id);
    const error = await piriod.customers.retrieve(id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PiriodNotFoundError);
    expect((error as PiriodNotFoundError).body).toEqual({ detail: "Not found." });
    const live = await piriod.customers.create(customerBody());
    expect(live.test_mode).toBe(false);
    expect((await test.customers.list()).items.map((customer) => customer.id)).toEqual([made.id]);
  });

  it("answers 404 for a path the spec has not, and 405 naming the methods for a method its path has not", async () => {
    const fake = createPiriodFake();
    const unknown = await send(fake, "/invoices/");
    expect([unknown.status, await unknown.json()]).toEqual([404, { detail: "Not found." }]);
    const put = await send(fake, "/customers/", { method: "PUT", body: customerBody() });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
    expect(await put.json()).toEqual({ detail: 'Method "PUT" not allowed.' });
  });

  it("answers a body that is not JSON with DRF's parse error, and another media type with 415", async () => {
    const fake = createPiriodFake();
    const broken = await send(fake, "/customers/", { method: "POST", body: '{"name": ' });
    expect(broken.status).toBe(400);
    expect((await broken.json()).detail).toMatch(/^JSON parse error - /);
    const text = await send(fake, "/customers/", {
      method: "POST",
      body: "name=x",
      headers: { "content-type": "text/plain" },
    });
    expect([text.status, await text.json()]).toEqual([
      415,
      { detail: 'Unsupported media type "text/plain" in request.' },
    ]);
  });
});

import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { consoleOf } from "../helpers/console-session.ts";
import { defined } from "../helpers/defined.ts";
import { requestsElsewhere, skipWithoutChromium } from "../helpers/docs-browser.ts";
import { type ConsoleInPage, routeOf, useDocsInChromium } from "../helpers/docs-console-page.ts";

const skip = skipWithoutChromium("test/docs/console-walkthrough.test.ts");

const create = consoleOf("customers.create");
const list = consoleOf("customers.list");
const retrieve = consoleOf("customers.retrieve");
const update = consoleOf("customers.update");
const remove = consoleOf("customers.delete");
const NAME = "Andes Consola SpA";

// One reader's visit, step by step: each test goes on from where the one before it left the page.
// A console's first opening may take as long as a page load (PAGE_TIMEOUT_MS) on a busy machine.
describe.skipIf(skip)("a reader tries the API in the docs, in headless Chromium", { timeout: 90_000 }, () => {
  const docs = useDocsInChromium();
  let shown: ConsoleInPage;
  let id: string;

  beforeAll(async () => {
    shown = await docs().open(docs().server.url + routeOf(create));
  });

  it("opens the create's console from its Try it control, prefilled from the spec, saying it is a simulation", async () => {
    await shown.openFromReference(create);
    await expect(shown.dialog.getByRole("heading", { level: 2 }).textContent()).resolves.toBe(
      "Try it: Create customer POST /customers/",
    );
    expect(await shown.dialog.locator("#pc-simulation").textContent()).toMatch(
      /fake Piriod running in this page.*nothing is sent to Piriod/,
    );
    expect(JSON.parse(await shown.body.inputValue())).toEqual(JSON.parse(defined(create.body, "its body").example));
    await expect
      .poll(() => shown.curl())
      .toMatch(/^curl --request POST \\\n {2}'https:\/\/api\.piriod\.com\/customers\/' \\\n/);
    expect(await shown.curl()).toContain("--header 'authorization: Token <api_token>'");
    expect(await shown.typescript()).toContain("await piriod.customers.create({");
  });

  it("creates a customer: 201, and its id fills the other customers consoles", async () => {
    const body = JSON.parse(await shown.body.inputValue());
    await shown.body.fill(JSON.stringify({ ...body, name: NAME }, null, 2));
    expect(await shown.typescript()).toContain(`name: "${NAME}"`);
    await shown.send();
    expect(await shown.status()).toBe("201");
    const answered = (await shown.shownBody()) as { id: string; name: string };
    expect(answered.name).toBe(NAME);
    id = answered.id;
    await expect(shown.answer.getByText(`now use its id, ${id}`).count()).resolves.toBe(1);
  });

  it("lists customers with a filter: one page, the new customer alone", async () => {
    await shown.choose(list);
    await shown.field("name").fill(NAME);
    await expect
      .poll(() => shown.curl())
      .toContain(`'https://api.piriod.com/customers/?name=${encodeURIComponent(NAME)}'`);
    expect(await shown.typescript()).toContain(`piriod.customers.list({ name: "${NAME}" })`);
    await shown.send();
    expect(await shown.status()).toBe("200");
    expect(await shown.answer.locator(".pc-page").textContent()).toMatch(
      /^Page 1: 1 item of 1 in all, the last page\./,
    );
    expect(((await shown.shownBody()) as { results: { id: string }[] }).results.map((item) => item.id)).toEqual([id]);
  });

  it("retrieves it, its id already in place", async () => {
    await shown.choose(retrieve);
    expect(await shown.field("id").inputValue()).toBe(id);
    await shown.send();
    expect(await shown.status()).toBe("200");
    expect(await shown.shownBody()).toMatchObject({ id, name: NAME });
  });

  it("turns it into an update's body with toCustomerUpdate, and updates its email", async () => {
    await shown.choose(update);
    expect(await shown.field("id").inputValue()).toBe(id);
    await shown.dialog.getByRole("button", { name: "Fill from the current customer (toCustomerUpdate)" }).click();
    await shown.settled();
    const filled = JSON.parse(await shown.body.inputValue());
    expect(filled).toMatchObject({ name: NAME, country: "MX", state: 14 });
    expect(filled).not.toHaveProperty("id");
    expect(await shown.lines("fake")).toEqual([`GET /customers/${id}/ → 200`]);
    await shown.body.fill(JSON.stringify({ ...filled, email: "pagos@andes.cl" }, null, 2));
    await shown.send();
    expect(await shown.status()).toBe("200");
    expect(await shown.shownBody()).toMatchObject({ id, email: "pagos@andes.cl" });
  });

  it("refuses a body that breaks the schema before sending it, and shows why by field", async () => {
    const { name: _name, ...rest } = JSON.parse(await shown.body.inputValue());
    await shown.body.fill(JSON.stringify({ ...rest, email: "not an email" }));
    await shown.send();
    expect(await shown.status()).toBe("refused");
    expect(await shown.answer.locator(".pc-status").textContent()).toBe(
      "Refused before sending: nothing reached the fake.",
    );
    expect(await shown.errorRows()).toEqual(
      expect.arrayContaining([
        ["/name", "/name is required"],
        ["/email", expect.stringMatching(/^\/email must be/)],
      ]),
    );
    expect(await shown.lines("fake")).toEqual([]);
  });

  it("meets a 429 with Retry-After, and shows the client waiting and trying again", async () => {
    await shown.choose(retrieve);
    await shown.dialog
      .getByLabel("The fake's next answer to this operation")
      .selectOption({ label: "429 Too Many Requests, Retry-After: 1" });
    await shown.send();
    expect(await shown.status()).toBe("200");
    expect(await shown.lines("fake")).toEqual([`GET /customers/${id}/ → 429`, `GET /customers/${id}/ → 200`]);
    expect(await shown.lines("client")).toEqual([
      expect.stringMatching(new RegExp(`^GET /customers/${id}/: attempt 1 of 3 answered 429 in \\d+ ms$`)),
      `GET /customers/${id}/ answered 429; retrying in 1000 ms (attempt 2 of 3)`,
      expect.stringMatching(new RegExp(`^GET /customers/${id}/: attempt 2 of 3 answered 200 in \\d+ ms$`)),
    ]);
    expect(await shown.dialog.getByLabel("The fake's next answer to this operation").inputValue()).toBe("none");
  });

  it("deletes it: 204, and then it is not found", async () => {
    await shown.choose(remove);
    await shown.send();
    expect(await shown.status()).toBe("204");
    expect(await shown.shownBody()).toBe("(empty)");
    await shown.choose(retrieve);
    await shown.send();
    expect(await shown.status()).toBe("404");
    expect(await shown.shownBody()).toEqual({ detail: "Not found." });
    await shown.page.screenshot({ path: path.join(docs().site, "console-walkthrough.png") });
  });

  it("closes with Escape, giving the focus back to the control that opened it", async () => {
    await shown.page.keyboard.press("Escape");
    await expect(shown.dialog.isVisible()).resolves.toBe(false);
    expect(await shown.page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      "Try it: Create customer",
    );
  });

  it("logged no error, and nothing left the page: no request, no load the policy refused", () => {
    const [record] = docs().records;
    expect(record?.errors).toEqual([]);
    expect(requestsElsewhere(record?.requests ?? [], new URL(docs().server.url).origin)).toEqual([]);
    expect(record?.refusedLoads).toEqual([]);
    expect(docs().server.served).toEqual(["/"]);
  });
});

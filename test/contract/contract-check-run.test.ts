import { describe, expect, it } from "vitest";
import { runContractCheck } from "../../src/contract-check/run.ts";
import type { PiriodFakeOptions } from "../../src/testing/index.ts";
import { type Drift, driftingFetch } from "../helpers/drifting-server.ts";

// The check's run in this process, against drifting Piriods reached through `fetch`: what it sends,
// when it stops, and that it deletes what it made whatever happened.
const KEY = "sk_test_contract_run_9Jm2";
const WORKSPACE = "acc_01H8XYZ123ABC";

/** A drifting Piriod that records the headers of every request it receives. */
function target(drifts: Drift[]) {
  const received: Headers[] = [];
  const answer = driftingFetch(
    [
      (exchange) => {
        received.push(exchange.headers);
        return undefined;
      },
      ...drifts,
    ],
    { apiKey: KEY },
  );
  const left = async (path: string) => {
    const response = await answer(
      new Request(`https://api.piriod.com${path}`, {
        headers: { authorization: `Token ${KEY}`, "x-simple-workspace": WORKSPACE, "x-piriod-test-mode": "true" },
      }),
    );
    return ((await response.json()) as { count: number }).count;
  };
  return { fetch: answer, received, left };
}

const check = (fetch: (request: Request) => Promise<Response>, fake?: PiriodFakeOptions) =>
  runContractCheck({
    baseUrl: "https://api.piriod.com",
    workspace: WORKSPACE,
    apiKey: KEY,
    fetch,
    run: "test-run",
    ...(fake ? { fake } : {}),
  });

describe("a contract check's run", () => {
  it("stops when the server does not keep to test mode, and deletes what it made", async () => {
    const liveMode: Drift = ({ body }) => {
      const made = body as { test_mode?: unknown } | undefined;
      if (made?.test_mode === true) made.test_mode = false;
      return undefined;
    };
    const piriod = target([liveMode]);
    const report = await check(piriod.fetch);
    expect(report.stopped).toBe("customers#1 came back with test_mode false: the server did not keep to test mode");
    expect(report.verdict).toBe("fail");
    expect(report.cleanup).toEqual([{ role: "customers#1", id: expect.stringMatching(/^cus_/), status: 204 }]);
    expect(await piriod.left("/customers/")).toBe(0);
    expect(report.summary).toMatch(/^FAIL: .*; stopped: customers#1 came back with test_mode false/);
  });

  it("deletes what it made when a later step fails, last made first, in test mode", async () => {
    const contactsDown: Drift = ({ method, path }) =>
      method === "POST" && path === "/contacts/" ? { status: 500, body: { detail: "Server Error (500)" } } : undefined;
    const piriod = target([contactsDown]);
    const report = await check(piriod.fetch);
    expect(report.stopped).toBe("contacts#1 could not be created (status 500); the rest needs it");
    expect(report.cleanup.map(({ role, status }) => `${role} ${status}`)).toEqual(["customers#1 204"]);
    expect(await piriod.left("/customers/")).toBe(0);
    expect(report.differences).toContainEqual(
      expect.objectContaining({ id: "create contacts#1:status", class: "divergence", got: "status 500" }),
    );
    // Every request, the cleanup's included, asked for test data with the key it was given.
    expect(piriod.received.length).toBeGreaterThan(10);
    for (const headers of piriod.received) expect(headers.get("x-piriod-test-mode")).toBe("true");
    for (const headers of piriod.received) expect(headers.get("authorization")).toBe(`Token ${KEY}`);
  });

  it("names every object it creates with its prefix and the run", async () => {
    const named: unknown[] = [];
    const piriod = target([
      ({ method, sent }) => {
        if (method === "POST") named.push((sent as { name?: unknown }).name);
        return undefined;
      },
    ]);
    const report = await check(piriod.fetch);
    expect(named.length).toBeGreaterThan(3);
    // All but the create that leaves out the name on purpose.
    expect(named.filter((name) => name === undefined)).toHaveLength(1);
    for (const name of named.filter(Boolean)) expect(name).toMatch(/^piriod-contract-check test-run #\d+$/);
    expect(report.differences.filter(({ class: kind }) => kind !== "wording").map(({ id }) => id)).toEqual([
      "create customers with an unknown country:status",
      "create customers with an unknown state:status",
    ]);
  });

  it("compares every step with a fake that knows the countries and states the scenario sends, whatever its options give", async () => {
    // Piriod knows the spec's example's Mexican state; the options give the fake a catalogue without it.
    const piriod = driftingFetch([], {
      apiKey: KEY,
      countries: [{ id: "MX", name: "México", code: "+52", has_regulation: true, currencies: ["MXN"] }],
      states: [{ id: 14, name: "Jalisco", country: "MX" }],
    });
    const report = await check(piriod, {
      states: [{ id: 13, name: "Región Metropolitana de Santiago", country: "CL" }],
    });
    const unlike = report.steps.filter(({ status, fakeStatus }) => status !== fakeStatus);
    expect(unlike.map(({ step, status, fakeStatus }) => `${step}: ${status}, the fake ${fakeStatus}`)).toEqual([]);
    expect(report.steps.find(({ step }) => step === "create customers with an unknown state")?.fakeStatus).toBe(400);
    expect(report.summary).toBe("PASS: 0 spec violations, 0 divergences, 0 wording differences");
  });
});

import { createPiriodFake, type PiriodFakeOptions } from "../testing/index.js";
import { type Difference, differences, type StepContext } from "./compare.js";
import { exchange } from "./exchange.js";
import { scenario, scenarioCatalogues } from "./scenario.js";
import { type Answers, type Session, StopCheck } from "./session.js";
import { specOf } from "./spec.js";

/** How to run the check. */
export interface ContractCheckOptions {
  /** Piriod's base URL (or a gateway's, or a fake's): `https://api.piriod.com`. */
  baseUrl: string;
  /** The workspace to work in; the check creates objects there, in test mode, and deletes them. */
  workspace: string;
  apiKey: string;
  /** How to reach `baseUrl`; default: the global `fetch`. */
  fetch?: (request: Request) => Promise<Response>;
  /** Differences of the `wording` class to silence, by their id. */
  allowed?: readonly string[];
  /**
   * More options of the fake the answers are compared with. Its catalogues (`countries`, `states`)
   * always hold the ids the scenario sends, as the spec's examples show them, besides those given
   * here; an object given here wins over the scenario's of the same id.
   */
  fake?: PiriodFakeOptions;
  /** The run's name, which every object it creates carries. Default: the time and a random suffix. */
  run?: string;
}

/** One step, as the report lists it. */
export interface StepReport {
  operation: string;
  step: string;
  /** The target's status, or why there was none. */
  status: number | string;
  fakeStatus: number | string;
}

/** What the check found. */
export interface ContractCheckReport {
  baseUrl: string;
  workspace: string;
  run: string;
  steps: StepReport[];
  differences: Difference[];
  /** What the check created on the target, and how deleting it went. */
  cleanup: { role: string; id: string; status: number | string }[];
  /** Why the check stopped before its end, if it did. */
  stopped?: string;
  verdict: "pass" | "fail";
  /** One line: the verdict and the count of each class. */
  summary: string;
}

/**
 * Runs the scenario against `baseUrl` and, step for step, against a fake Piriod in this process,
 * and compares each answer with the spec, with Piriod's docs and with the fake's. Always in test
 * mode; everything it creates on the target is deleted afterwards, even when a step fails.
 */
export async function runContractCheck(options: ContractCheckOptions): Promise<ContractCheckReport> {
  const run = options.run ?? runName();
  const fakePiriod = createPiriodFake({
    apiKey: options.apiKey,
    workspaces: [options.workspace],
    workspace: options.workspace,
    ...options.fake,
    ...withScenarioCatalogues(options.fake ?? {}),
  });
  const sides = {
    target: {
      name: "target",
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
      fetch: options.fetch ?? ((request: Request) => fetch(request)),
      ids: new Map<string, string>(),
      objects: new Map<string, Record<string, unknown>>(),
    },
    fake: {
      name: "fake",
      baseUrl: "https://api.piriod.com",
      fetch: fakePiriod.fetch,
      ids: new Map<string, string>(),
      objects: new Map<string, Record<string, unknown>>(),
    },
  };
  const headers = {
    authorization: `Token ${options.apiKey}`,
    "x-simple-workspace": options.workspace,
    // Always: the check works on test data, and on nothing else.
    "x-piriod-test-mode": "true",
  };
  const report: ContractCheckReport = {
    baseUrl: options.baseUrl,
    workspace: options.workspace,
    run,
    steps: [],
    differences: [],
    cleanup: [],
    verdict: "fail",
    summary: "",
  };
  /** Roles created on the target, with the path that deletes each, in the order they were made. */
  const made: { role: string; path: string }[] = [];

  const session: Session = {
    run,
    idOf: (role) => ({ target: sides.target.ids.get(role), fake: sides.fake.ids.get(role) }),
    roleOf: (side, id) => [...sides[side].ids].find(([, known]) => known === id)?.[0],
    record: (difference, where, requestId = null) =>
      report.differences.push({ ...difference, id: `${difference.step}:${where}`, requestId }),
    step: async (step) => {
      const answered: Answers = { target: undefined, fake: undefined };
      const statuses: (number | string)[] = [];
      for (const name of ["target", "fake"] as const) {
        const side = sides[name];
        const request = step.request(side);
        const answer = await exchange(side, request, headers);
        statuses.push("failure" in answer ? answer.failure : answer.status);
        if ("failure" in answer) continue;
        answered[name] = answer;
        const body = answer.body as Record<string, unknown> | undefined;
        if (step.creates && answer.status < 300 && typeof body?.id === "string") {
          side.ids.set(step.creates, body.id);
          side.objects.set(step.creates, body);
          if (name === "target") made.push({ role: step.creates, path: request.path.replace(/\/$/, "/{id}/") });
        } else if (step.deletes && answer.status < 300) {
          side.objects.delete(step.deletes);
          const index = made.findIndex(({ role }) => role === step.deletes);
          if (name === "target" && index >= 0) made.splice(index, 1);
        } else if (request.id && "role" in request.id && answer.status < 300 && body?.id !== undefined) {
          side.objects.set(request.id.role, body);
        }
      }
      report.steps.push({
        operation: step.operation,
        step: step.step,
        status: statuses[0] ?? "",
        fakeStatus: statuses[1] ?? "",
      });
      const context: StepContext = { ...step, spec: specOf(step.operation) };
      if (answered.target === undefined)
        session.record(
          {
            class: "divergence",
            operation: step.operation,
            step: step.step,
            expected: `status ${step.expectedStatus}`,
            by: "the spec",
            got: String(statuses[0]),
          },
          "answer",
        );
      else report.differences.push(...differences(context, answered.target, answered.fake));
      return answered;
    },
  };

  try {
    await scenario(session);
  } catch (error) {
    if (!(error instanceof StopCheck)) throw error;
    report.stopped = error.message;
  } finally {
    // What the check made on the target, deleted last made first (a contact before its customer).
    for (const { role, path } of made.reverse()) {
      const answer = await exchange(sides.target, { method: "DELETE", path, id: { role } }, headers);
      report.cleanup.push({
        role,
        id: sides.target.ids.get(role) ?? "",
        status: "failure" in answer ? answer.failure : answer.status,
      });
    }
  }

  const allowed = new Set(options.allowed ?? []);
  for (const difference of report.differences)
    if (difference.class === "wording" && allowed.has(difference.id)) difference.allowed = true;
  const count = (kind: Difference["class"]) =>
    report.differences.filter((difference) => difference.class === kind && !difference.allowed).length;
  const failures = count("spec-violation") + count("divergence");
  const leftBehind = report.cleanup.filter(
    ({ status }) => typeof status !== "number" || (status >= 300 && status !== 404),
  );
  report.verdict = failures === 0 && report.stopped === undefined && leftBehind.length === 0 ? "pass" : "fail";
  const silenced = report.differences.filter((difference) => difference.allowed).length;
  report.summary =
    `${report.verdict === "pass" ? "PASS" : "FAIL"}: ${count("spec-violation")} spec violations, ${count("divergence")} divergences, ` +
    `${count("wording")} wording differences${silenced ? ` (${silenced} more allowed)` : ""}` +
    `${leftBehind.length ? `; ${leftBehind.length} objects could not be deleted` : ""}${report.stopped ? `; stopped: ${report.stopped}` : ""}`;
  return report;
}

/**
 * The fake's catalogues: those of `given`, and each object of the scenario's whose id they lack.
 * With them the fake refuses an unknown country or state in Piriod's shape, and the check
 * compares that refusal's error, not its status alone.
 */
function withScenarioCatalogues(given: PiriodFakeOptions): PiriodFakeOptions {
  const merged: Record<string, unknown[]> = {};
  for (const [option, objects] of Object.entries(scenarioCatalogues())) {
    const own = (given as Record<string, unknown>)[option] ?? [];
    // Not a list: left as given, for the fake to refuse in its own words.
    if (!Array.isArray(own)) continue;
    const kept = own as { id?: unknown }[];
    merged[option] = [...kept, ...objects.filter(({ id }) => !kept.some((object) => object?.id === id))];
  }
  return merged as PiriodFakeOptions;
}

/** A run's name: when it ran, to the second, and a random suffix: `20261207T061233-k3f9`. */
function runName(): string {
  const time = new Date().toISOString().replace(/[-:]/g, "").slice(0, 15);
  return `${time}-${Math.random().toString(36).slice(2, 6)}`;
}

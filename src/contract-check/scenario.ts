import { resources } from "../../generated/fake-model.js";
import { rules } from "../../generated/fake-rules.js";
import type { FieldKind, ResourceModel } from "../testing/model.js";
import { idOf } from "../testing/rules.js";
import type { Side } from "./exchange.js";
import { ROUTES, type Route, type Shape } from "./routes.js";
import { type Answers, type Session, StopCheck } from "./session.js";
import { type SpecOperation, specOf } from "./spec.js";

/** What every object the check creates is named with, so that anyone can tell what made it. */
export const PREFIX = "piriod-contract-check";
/** The key of the run's marker in an object's free key/value field (`metadata`), which a list filters by. */
const MARKER_KEY = "piriod_contract_check";
/** The most pages of a list the check walks: it makes two objects of a kind, a page each. */
const MOST_PAGES = 4;
/** An id of a related object no catalogue holds: the largest 32-bit integer, or a text no id has. */
const UNKNOWN = { integer: 2_147_483_647, text: "ZZ" };

type SideState = Side & { objects: Map<string, Record<string, unknown>> };

/** A resource as the scenario drives it: its operations by shape, its model, and its create's spec. */
interface Resource {
  name: string;
  routes: Partial<Record<Shape, Route>>;
  model: ResourceModel;
  create: Route;
  spec: SpecOperation & Required<Pick<SpecOperation, "example" | "requestSchema">>;
}

/**
 * The scenario, for every resource that creates, in the order of the operation table: create
 * two objects, retrieve one, list them with each filter the spec declares, sorted, and a page at a
 * time, update one, delete the other; then, on the first resource, the refusals Piriod documents.
 * Everything comes from the spec (the operation table, the fake's model, the request examples),
 * so a resource added to the spec is checked with no change here.
 */
export async function scenario(session: Session): Promise<void> {
  const done: Resource[] = [];
  for (const name of Object.keys(resources)) {
    const resource = resourceOf(name);
    if (resource === undefined) continue;
    await lifecycle(session, resource, done);
    done.push(resource);
  }
  const [first] = done;
  if (first) await refusals(session, first, done);
}

/**
 * The catalogues (by the fake's option: `countries`, `states`) that hold each id the scenario's
 * creates send in a field of a catalogue (`x-piriod-catalogue`), as the spec's examples show it,
 * with the object it belongs to (`x-piriod-belongs-to`) as the same body names it. A fake given
 * them takes the scenario's creates and refuses its unknown ids as Piriod refuses them.
 */
export function scenarioCatalogues(): Record<string, Record<string, unknown>[]> {
  const catalogues: Record<string, Record<string, unknown>[]> = {};
  for (const name of Object.keys(resources)) {
    const resource = resourceOf(name);
    const resourceRules = rules[name];
    if (resource === undefined || resourceRules === undefined) continue;
    const { example } = resource.spec;
    for (const [field, option] of Object.entries(resourceRules.catalogues)) {
      const id = idOf(example[field]);
      if (id === undefined || id === null) continue;
      const catalogue = catalogues[option] ?? [];
      catalogues[option] = catalogue;
      if (catalogue.some((known) => known.id === id)) continue;
      const shown = resource.model.related[field]?.find((known) => known.id === id);
      const object: Record<string, unknown> = { ...shown, id };
      const owner = resourceRules.belongsTo[field];
      if (owner !== undefined && example[owner] !== undefined) object[owner] = idOf(example[owner]);
      catalogue.push(object);
    }
  }
  return catalogues;
}

function resourceOf(name: string): Resource | undefined {
  const routes = Object.fromEntries(
    ROUTES.filter((route) => route.resource === name).map((route) => [route.shape, route]),
  ) as Resource["routes"];
  const model = resources[name];
  const create = routes.create;
  if (model === undefined || create === undefined) return undefined;
  const spec = specOf(create.name);
  if (spec.example === undefined || spec.requestSchema === undefined) return undefined;
  return { name, routes, model, create, spec: spec as Resource["spec"] };
}

async function lifecycle(session: Session, resource: Resource, earlier: Resource[]): Promise<void> {
  const { name, routes, model, create } = resource;
  const [one, two] = [`${name}#1`, `${name}#2`];
  for (const [role, n] of [
    [one, 1],
    [two, 2],
  ] as const) {
    const answers = await session.step({
      operation: create.name,
      step: `create ${role}`,
      creates: role,
      expectedStatus: create.operation.status,
      request: (side) => ({
        method: "POST",
        path: create.operation.path,
        body: bodyOf(resource, n, side, session.run, earlier),
      }),
    });
    const made = answers.target?.body as Record<string, unknown> | undefined;
    if (session.idOf(role).target === undefined)
      throw new StopCheck(
        `${role} could not be created (status ${answers.target?.status ?? "none"}); the rest needs it`,
      );
    // The check works on test data only: a server that ignores x-piriod-test-mode stops it at once.
    const testMode = model.server.testMode;
    if (testMode !== undefined && made?.[testMode] !== true)
      throw new StopCheck(
        `${role} came back with ${testMode} ${String(made?.[testMode])}: the server did not keep to test mode`,
      );
  }
  if (routes.retrieve) await retrieve(session, routes.retrieve, one, 200);
  if (routes.list && model.list) await lists(session, resource, routes.list, earlier);
  if (routes.update) {
    const update = routes.update;
    await session.step({
      operation: update.name,
      step: `update ${one}`,
      expectedStatus: update.operation.status,
      request: (side) => ({
        method: update.operation.method,
        path: update.operation.path,
        id: { role: one },
        body: bodyOf(resource, 1, side, session.run, earlier, "updated"),
      }),
    });
  }
  if (routes.delete) {
    const remove = routes.delete;
    await session.step({
      operation: remove.name,
      step: `delete ${two}`,
      deletes: two,
      expectedStatus: remove.operation.status,
      request: () => ({ method: remove.operation.method, path: remove.operation.path, id: { role: two } }),
    });
    if (routes.retrieve) await retrieve(session, routes.retrieve, two, 404, `retrieve ${two}, deleted`);
  }
}

function retrieve(session: Session, route: Route, role: string, expectedStatus: number, step = `retrieve ${role}`) {
  return session.step({
    operation: route.name,
    step,
    expectedStatus,
    request: () => ({ method: "GET", path: route.operation.path, id: { role } }),
  });
}

/** The lists of a resource: by each filter, sorted, and a page of one at a time, each kept to this run's objects where it can be. */
async function lists(session: Session, resource: Resource, list: Route, earlier: Resource[]): Promise<void> {
  const { name, model } = resource;
  const listModel = model.list;
  if (listModel === undefined) return;
  const scope = scopeOf(resource, session.run, earlier);
  const run = (step: string, query: (side: SideState) => [string, string][]) =>
    session.step({
      operation: list.name,
      step,
      expectedStatus: list.operation.status,
      request: (side) => ({ method: "GET", path: list.operation.path, query: [...scope(side), ...query(side)] }),
    });

  for (const [filter, { field, kind }] of Object.entries(listModel.filters)) {
    const answers = await run(`list ${name} by ${filter}`, (side) => {
      const value = queryText(side.objects.get(`${name}#1`)?.[field], kind);
      return value === undefined ? [] : [[filter, value]];
    });
    compareLists(session, `list ${name} by ${filter}`, list.name, answers, false);
    if (!rolesOf(session, "target", answers.target).includes(`${name}#1`))
      session.record(
        {
          class: "divergence",
          operation: list.name,
          step: `list ${name} by ${filter}`,
          expected: `${name}#1 among the results: the filter is its own value`,
          by: "Piriod's docs",
          got: rolesOf(session, "target", answers.target).join(", ") || "no results",
        },
        "results",
        answers.target?.requestId,
      );
  }
  const time = Object.entries(listModel.orderable).find(([, kind]) => kind === "time")?.[0];
  if (time !== undefined)
    compareLists(
      session,
      `list ${name} by -${time}`,
      list.name,
      await run(`list ${name} by -${time}`, () => [["ordering", `-${time}`]]),
      true,
    );

  // A page at a time, as far as the target's `next` leads, and no farther than it should.
  for (let page = 1; page <= MOST_PAGES; page++) {
    const step = `list ${name}, page ${page} of size 1`;
    const answers = await run(step, () => [
      ["page_size", "1"],
      ...(page > 1 ? [["page", String(page)] as [string, string]] : []),
    ]);
    compareLists(session, step, list.name, answers, true);
    if ((answers.target?.body as { next?: unknown } | undefined)?.next == null) break;
  }
}

/** The query that keeps a list to this run's objects: its marker's filter, else a filter by an object of this run it belongs to. */
function scopeOf(resource: Resource, run: string, earlier: Resource[]): (side: SideState) => [string, string][] {
  const marker = markerFieldOf(resource);
  if (marker !== undefined) return () => [[`${marker.prefix}${MARKER_KEY}`, run]];
  const example = resource.spec.example;
  for (const [filter, { field, lookup }] of Object.entries(resource.model.list?.filters ?? {})) {
    const owner = earlier.find((other) => idOfExample(other) !== undefined && example[field] === idOfExample(other));
    if (lookup === "exact" && owner) return (side) => [[filter, side.ids.get(`${owner.name}#1`) ?? ""]];
  }
  return () => [];
}

/** The prefix family of the resource's list whose object field the request writes (`metadata__` → `metadata`). */
function markerFieldOf(resource: Resource): { prefix: string; field: string } | undefined {
  for (const [prefix, field] of Object.entries(resource.model.list?.prefixes ?? {}))
    if (resource.spec.requestSchema.properties[field]?.type === "object") return { prefix, field };
  return undefined;
}

function idOfExample(resource: Resource): unknown {
  const idField = resource.model.server.id;
  return idField === undefined ? undefined : resource.model.example?.[idField];
}

/**
 * The body of a create (or `updated`, of an update) of object `n` of this run: the spec's request
 * example, named with the check's prefix and the run, its emails at example.com, the run's marker
 * in its free key/value field, and the example's ids of other resources replaced by this run's objects.
 */
function bodyOf(
  resource: Resource,
  n: number,
  side: SideState,
  run: string,
  earlier: Resource[],
  updated?: "updated",
): Record<string, unknown> {
  const { example, requestSchema } = resource.spec;
  const body = structuredClone(example);
  for (const [field, value] of Object.entries(body)) {
    const owner = earlier.find((other) => idOfExample(other) !== undefined && value === idOfExample(other));
    if (owner) body[field] = side.ids.get(`${owner.name}#1`) ?? value;
  }
  for (const [field, property] of Object.entries(requestSchema.properties))
    if (property.format === "email" && field in body) body[field] = `${PREFIX}+${run}-${n}@example.com`;
  const named = nameFieldOf(resource);
  if (named !== undefined) {
    const text = `${PREFIX} ${run} #${n}${updated ? " updated" : ""}`;
    body[named.field] = text.slice(0, named.maxLength);
  }
  const marker = markerFieldOf(resource);
  if (marker !== undefined)
    body[marker.field] = { ...((body[marker.field] as object | undefined) ?? {}), [MARKER_KEY]: run };
  return body;
}

/** The field that names an object: the first required text field that is neither an id of another object nor of a format. */
function nameFieldOf(resource: Resource): { field: string; maxLength: number } | undefined {
  const { required, properties } = resource.spec.requestSchema;
  for (const field of required) {
    const property = properties[field];
    if (property?.type === "string" && property.format === undefined && property["x-piriod-id-of"] === undefined)
      return { field, maxLength: typeof property.maxLength === "number" ? property.maxLength : 100 };
  }
  return undefined;
}

/** A stored value as a query writes it, or undefined for none. */
function queryText(value: unknown, kind: FieldKind): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (kind === "id" && typeof value === "object") return queryText((value as { id?: unknown }).id, "text");
  return typeof value === "object" ? undefined : String(value);
}

/** The roles of a list answer's results on one side, in order; an object of no role shows as `another object`. */
function rolesOf(session: Session, side: "target" | "fake", answer: Answers["target"]): string[] {
  const results = (answer?.body as { results?: unknown } | undefined)?.results;
  if (!Array.isArray(results)) return [];
  return results.map((item) => session.roleOf(side, (item as { id?: unknown } | null)?.id) ?? "another object");
}

/** The target's page against the fake's: the same count, the same objects (in the same order when `ordered`), a next page on both or neither. */
function compareLists(session: Session, step: string, operation: string, answers: Answers, ordered: boolean): void {
  const { target, fake } = answers;
  if (target?.status !== 200 || fake?.status !== 200) return;
  const [theirs, ours] = [target.body, fake.body] as { count?: unknown; next?: unknown; previous?: unknown }[];
  const record = (expected: string, got: string, where: string) =>
    session.record({ class: "divergence", operation, step, expected, by: "the fake", got }, where, target.requestId);
  if (theirs?.count !== ours?.count) record(`count ${String(ours?.count)}`, `count ${String(theirs?.count)}`, "count");
  const [targetRoles, fakeRoles] = [rolesOf(session, "target", target), rolesOf(session, "fake", fake)];
  const seen = (roles: string[]) => (ordered ? roles : [...roles].sort()).join(", ");
  if (seen(targetRoles) !== seen(fakeRoles))
    record(seen(fakeRoles) || "no results", seen(targetRoles) || "no results", "results");
  for (const link of ["next", "previous"] as const)
    if ((theirs?.[link] == null) !== (ours?.[link] == null))
      record(
        ours?.[link] == null ? `no ${link} page` : `a ${link} page`,
        theirs?.[link] == null ? `no ${link} page` : `${link}: ${String(theirs?.[link])}`,
        link,
      );
}

/** The refusals Piriod documents, on the first resource: a missing required field, an unknown related object, a wrong key, no workspace, an unknown id. */
async function refusals(session: Session, resource: Resource, earlier: Resource[]): Promise<void> {
  const { name, create, routes, model } = resource;
  const [required] = resource.spec.requestSchema.required;
  let n = 3;
  if (required !== undefined) {
    const role = `${name}#${n}`;
    await session.step({
      operation: create.name,
      step: `create ${name} without ${required}`,
      creates: role,
      expectedStatus: 400,
      documented: { [`/${required}`]: "This field is required." },
      request: (side) => {
        const body = bodyOf(resource, 3, side, session.run, earlier);
        delete body[required];
        return { method: "POST", path: create.operation.path, body };
      },
    });
  }
  for (const field of Object.keys(model.related)) {
    n += 1;
    const role = `${name}#${n}`;
    const number = n;
    await session.step({
      operation: create.name,
      step: `create ${name} with an unknown ${field}`,
      creates: role,
      expectedStatus: 400,
      request: (side) => {
        const body = bodyOf(resource, number, side, session.run, earlier);
        body[field] = typeof body[field] === "number" ? UNKNOWN.integer : UNKNOWN.text;
        return { method: "POST", path: create.operation.path, body };
      },
    });
  }
  const retrieve = routes.retrieve;
  if (retrieve === undefined) return;
  const one = `${name}#1`;
  const path = retrieve.operation.path;
  await session.step({
    operation: retrieve.name,
    step: `retrieve ${one} with a wrong key`,
    expectedStatus: 401,
    request: () => ({
      method: "GET",
      path,
      id: { role: one },
      headers: { authorization: `Token ${PREFIX}-wrong-key` },
    }),
  });
  await session.step({
    operation: retrieve.name,
    step: `retrieve ${one} without x-simple-workspace`,
    expectedStatus: 400,
    documented: { "/non_field_errors": "x-simple-workspace header is required." },
    request: () => ({ method: "GET", path, id: { role: one }, headers: { "x-simple-workspace": null } }),
  });
  await session.step({
    operation: retrieve.name,
    step: `retrieve an unknown ${name} id`,
    expectedStatus: 404,
    request: () => ({ method: "GET", path, id: { literal: `${model.idPrefix ?? name}_0NOSUCHOBJECT0` } }),
  });
}

import type { FieldKind, ResourceModel } from "./model.js";
import type { StoredObject } from "./objects.js";
import type { Collection } from "./space.js";

type ListModel = NonNullable<ResourceModel["list"]>;

/** A list's answer: the page in Piriod's envelope, or the 400 or 404 it refuses the query with. */
export type ListAnswer =
  | { status: 200; body: { count: number; next: string | null; previous: string | null; results: StoredObject[] } }
  | { status: 400 | 404; body: object };

/**
 * One page of `objects` (in the order they were made) as Piriod's list answers it: the filters
 * the spec declares for this list applied with their lookups (an empty value filters nothing, as
 * django-filter does), sorted by `ordering` (fields it does not know are ignored, as Django's
 * OrderingFilter does), then cut by `page` and `page_size` (beyond the last page: 404 "Invalid
 * page."; `last` is the last page). `next` and `previous` are the request's own URL with another `page`
 * (none for page 1, as DRF writes it).
 * The filtered, sorted list is made once per query until the next write, so reading every page
 * of N objects sorts them once: O(N log N) in all, not per page.
 */
export function listPage(list: ListModel, objects: Collection, url: URL): ListAnswer {
  const query = url.searchParams;
  const invalid: Record<string, string[]> = {};
  const tests: ((object: StoredObject) => boolean)[] = [];
  const applied: [string, string][] = [];
  for (const [name, value] of query) {
    if (value === "") continue;
    // A parameter is a filter only by the list's own name for it: `?constructor=x` is no filter, and is ignored.
    const filter = Object.hasOwn(list.filters, name) ? list.filters[name] : undefined;
    const prefixed = Object.entries(list.prefixes).find(
      ([candidate]) => name.startsWith(candidate) && name.length > candidate.length,
    );
    if (filter) {
      const test = filterTest(filter.lookup, filter.kind, value);
      if (typeof test === "string") invalid[name] = [test];
      else tests.push((object) => test(object[filter.field]));
    } else if (prefixed !== undefined) {
      const [prefix, field] = prefixed;
      const key = name.slice(prefix.length);
      tests.push((object) => {
        const values = object[field] as Record<string, unknown> | undefined;
        return values !== undefined && Object.hasOwn(values, key) && String(values[key]) === value;
      });
    } else continue;
    applied.push([name, value]);
  }
  if (Object.keys(invalid).length > 0) return { status: 400, body: invalid };

  const keys = orderingKeys(query.get("ordering"), list.orderable);
  const ordered = objects.view(JSON.stringify([applied, keys]), (all) =>
    sorted(
      all.filter((object) => tests.every((test) => test(object))),
      keys,
    ),
  );
  const pageSize = pageSizeOf(query.get("page_size"), list.pageSize);
  const pages = Math.max(1, Math.ceil(ordered.length / pageSize));
  // DRF's page-number pagination reads `last` as the last page.
  const page = !query.has("page") ? 1 : query.get("page") === "last" ? pages : Number(query.get("page"));
  if (!Number.isInteger(page) || page < 1 || page > pages) return { status: 404, body: { detail: "Invalid page." } };
  // DRF's PageNumberPagination writes the link to page 1 without `page`.
  const link = (target: number) => {
    const linked = new URL(url);
    if (target === 1) linked.searchParams.delete("page");
    else linked.searchParams.set("page", String(target));
    return linked.toString();
  };
  return {
    status: 200,
    body: {
      count: ordered.length,
      next: page < pages ? link(page + 1) : null,
      previous: page > 1 ? link(page - 1) : null,
      results: ordered.slice((page - 1) * pageSize, page * pageSize),
    },
  };
}

/** DRF's page size: the default for none or nonsense, the maximum for more than it. */
function pageSizeOf(text: string | null, { default: fallback, maximum }: ListModel["pageSize"]): number {
  const size = Number(text);
  if (text === null || !Number.isInteger(size) || size < 1) return fallback;
  return Math.min(size, maximum);
}

/** A test of one stored value against a filter's text, or the message refusing the text. */
function filterTest(lookup: string, kind: FieldKind, text: string): ((value: unknown) => boolean) | string {
  if (lookup === "in") {
    const tests = text.split(",").map((item) => filterTest("exact", kind, item));
    const refused = tests.find((test) => typeof test === "string");
    if (refused !== undefined) return refused;
    return (value) => tests.some((test) => (test as (value: unknown) => boolean)(value));
  }
  const wanted = comparable(kind, text);
  if (wanted === undefined) return kind === "time" ? "Enter a valid date/time." : "Enter a number.";
  // django-filter's boolean widget reads anything but true/false as no filter at all.
  if (wanted === null) return () => true;
  return (value) => {
    const stored = comparable(kind, value);
    if (stored === undefined || stored === null) return false;
    switch (lookup) {
      case "gt":
        return stored > wanted;
      case "gte":
        return stored >= wanted;
      case "lt":
        return stored < wanted;
      case "lte":
        return stored <= wanted;
      case "iexact":
        return String(stored).toLowerCase() === String(wanted).toLowerCase();
      case "icontains":
        return String(stored).toLowerCase().includes(String(wanted).toLowerCase());
      case "contains":
        return String(stored).includes(String(wanted));
      default:
        return stored === wanted;
    }
  };
}

/**
 * A value (stored, or a query's text) in a form `<` and `===` compare as Piriod's database
 * would: a time as milliseconds, a number as a number, an embedded object as its id (as text).
 * `undefined` for a text that is no such value; `null` for a boolean text that is neither.
 */
function comparable(kind: FieldKind, value: unknown): string | number | boolean | null | undefined {
  if (value === null || value === undefined) return undefined;
  switch (kind) {
    case "time": {
      const time = Date.parse(String(value));
      return Number.isNaN(time) ? undefined : time;
    }
    case "number": {
      const number = Number(value);
      return value === "" || Number.isNaN(number) ? undefined : number;
    }
    case "boolean":
      if (typeof value === "boolean") return value;
      return /^(true|1)$/i.test(String(value)) ? true : /^(false|0)$/i.test(String(value)) ? false : null;
    case "id":
      return typeof value === "object" ? String((value as { id?: unknown }).id) : String(value);
    default:
      return String(value);
  }
}

interface OrderingKey {
  field: string;
  kind: FieldKind;
  descending: boolean;
}

/**
 * The fields `ordering` sorts by, in order: those the list may sort by, each at its first mention
 * only (a later one cannot change the order), so any `ordering` makes at most one key per field.
 */
function orderingKeys(ordering: string | null, orderable: ListModel["orderable"]): OrderingKey[] {
  const keys: OrderingKey[] = [];
  for (const term of (ordering ?? "").split(",")) {
    const trimmed = term.trim();
    const field = trimmed.replace(/^-/, "");
    const kind = Object.hasOwn(orderable, field) ? orderable[field] : undefined;
    if (kind !== undefined && !keys.some((key) => key.field === field))
      keys.push({ field, kind, descending: trimmed.startsWith("-") });
  }
  return keys;
}

/** Sorted by `keys`, missing values last as PostgreSQL puts NULLs; stable. Each object's values are read once, not at each comparison. */
function sorted(objects: StoredObject[], keys: readonly OrderingKey[]): StoredObject[] {
  if (keys.length === 0) return objects;
  const rows = objects.map((object) => ({
    object,
    values: keys.map(({ kind, field }) => comparable(kind, object[field])),
  }));
  rows.sort((a, b) => {
    for (const [index, { descending }] of keys.entries()) {
      const left = a.values[index];
      const right = b.values[index];
      if (left === right) continue;
      // Missing values last, as PostgreSQL puts NULLs.
      if (left === undefined || left === null) return descending ? -1 : 1;
      if (right === undefined || right === null) return descending ? 1 : -1;
      return (left < right ? -1 : 1) * (descending ? -1 : 1);
    }
    return 0;
  });
  return rows.map((row) => row.object);
}

import type { OperationTable } from "../operation.js";
import type { ValidationResult } from "../validator-runtime.js";

/** How a list's filter compares its text with the stored field. */
export type FieldKind = "time" | "boolean" | "number" | "id" | "text";

/** What the fake knows of one resource, as generated/fake-model.js holds it for each. */
export interface ResourceModel {
  /** The schema of one object: what retrieve answers, and what a list's `results` hold. */
  readonly schema: string;
  /** The prefix of its ids (`cus` makes `cus_…`), from `x-piriod-id-prefix`. */
  readonly idPrefix?: string;
  /** The defaults of its fields, which a create that omits them gets. */
  readonly defaults: Readonly<Record<string, unknown>>;
  /** Request fields that send the id of an object the response embeds (`x-piriod-id-of`): the objects of that kind the spec shows. */
  readonly related: Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>;
  /** The read-only fields the server writes: the id, the test-mode flag, times set at creation and at each update, lists that start empty. */
  readonly server: {
    readonly id?: string;
    readonly testMode?: string;
    readonly created: readonly string[];
    readonly updated: readonly string[];
    readonly emptyLists: readonly string[];
  };
  /** An object as the spec's examples show it. */
  readonly example?: Readonly<Record<string, unknown>>;
  /** Its list: each filter's field, lookup and kind; families of filters by prefix; the page size's default and maximum; the fields it sorts by. */
  readonly list?: {
    readonly filters: Readonly<
      Record<string, { readonly field: string; readonly lookup: string; readonly kind: FieldKind }>
    >;
    readonly prefixes: Readonly<Record<string, string>>;
    readonly pageSize: { readonly default: number; readonly maximum: number };
    readonly orderable: Readonly<Record<string, FieldKind>>;
  };
}

/** What the fake knows of each resource, by the resource its operations' `x-piriod-method` names. */
export type ResourceModels = { readonly [resource: string]: ResourceModel };

/**
 * Everything the fake serves a spec from, all of it generated from that spec: the operation table, each resource's model, and the
 * validators by name (`validateCustomer`). The testing entry point (./index.ts) hands in the package's own.
 */
export interface FakeSpec {
  readonly operations: OperationTable;
  readonly resources: ResourceModels;
  readonly validators: { readonly [name: string]: (data: unknown) => ValidationResult<unknown> };
  /** The rules Piriod documents for each resource's writes. */
  readonly rules: ResourceRulesMap;
}

/** The rules Piriod documents for one resource's writes, as generated/fake-rules.js holds them for each. */
export interface ResourceRules {
  /** Required text fields, which Django REST Framework refuses blank (`""`, `"   "`). */
  readonly notBlank: readonly string[];
  /** Request fields naming an object of a catalogue a test may give the fake: field → the option (`x-piriod-catalogue`). */
  readonly catalogues: Readonly<Record<string, string>>;
  /** Request fields whose object belongs to the object another field names (`x-piriod-belongs-to`): field → that field. */
  readonly belongsTo: Readonly<Record<string, string>>;
  /** Fields required when the object another field names has a flag, and (with `accountCountry`) is the account's own (`x-piriod-required-when`). */
  readonly requiredWhen: Readonly<
    Record<string, { readonly field: string; readonly flag: string; readonly accountCountry: boolean }>
  >;
  /** At most `count` objects share the values of `fields` (`x-piriod-max-per`). */
  readonly maxPer?: { readonly count: number; readonly fields: readonly string[] };
  /** What a delete of an object with activity writes instead of deleting it (`x-piriod-archive`). */
  readonly archive?: Readonly<Record<string, unknown>>;
  /** The message of a delete refused for what blocks it (`x-piriod-delete-refused`). */
  readonly deleteRefused?: string;
}

/** The rules of each resource that has any, by the resource its operations' `x-piriod-method` names. */
export type ResourceRulesMap = { readonly [resource: string]: ResourceRules };

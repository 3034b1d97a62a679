import type { ResourceRules, ResourceRulesMap } from "./model.js";

/** An object as the fake stores it (objects.ts's `StoredObject`, which builds on these rules). */
type StoredObject = Record<string, unknown>;

/** What a test told the fake about what it does not model: the catalogues Piriod knows, and the account's country. */
export interface RuleSettings {
  /** Each catalogue given, by its option (`countries`): the objects Piriod knows. */
  catalogues: Readonly<Record<string, readonly StoredObject[] | undefined>>;
  accountCountry?: string;
}

/** Field errors, as Django REST Framework writes them: each field → its messages. */
export type FieldErrors = Record<string, string[]>;

/** The rules of a resource the spec gives none. */
export const NO_RULES: ResourceRules = { notBlank: [], catalogues: {}, belongsTo: {}, requiredWhen: {} };

/** The object of a catalogue the test gave that a body's field names, or undefined (no catalogue, or an id it lacks). */
export function catalogueObject(
  rules: ResourceRules,
  settings: RuleSettings,
  field: string,
  id: unknown,
): StoredObject | undefined {
  const option = rules.catalogues[field];
  const catalogue = option === undefined ? undefined : settings.catalogues[option];
  return catalogue?.find((object) => object.id === id);
}

/**
 * What Django REST Framework refuses field by field in a body the schema accepts: a required text
 * that is blank (its fields trim whitespace), an id no object of a catalogue the test gave has (of
 * a field that is not `broken` already: a text where the id is an integer is refused as such).
 */
export function fieldRuleErrors(
  rules: ResourceRules,
  body: StoredObject,
  settings: RuleSettings,
  broken: ReadonlySet<string>,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of rules.notBlank) {
    const value = body[field];
    if (typeof value === "string" && value.trim() === "") errors[field] = ["This field may not be blank."];
  }
  for (const [field, option] of Object.entries(rules.catalogues)) {
    const id = body[field];
    if (id === undefined || id === null || broken.has(field) || settings.catalogues[option] === undefined) continue;
    if (catalogueObject(rules, settings, field, id) === undefined)
      errors[field] = [`Invalid pk "${String(id)}" - object does not exist.`];
  }
  return errors;
}

/**
 * What Piriod refuses of an object as a whole once every field is valid (a serializer's
 * `validate`): an object that belongs to another than the one its owner field names, a field
 * required by the object another names, one too many objects sharing the same values. `object`
 * is the object as it would be stored (an update's body over the stored one, ids as sent);
 * `others` the resource's other objects in the same space.
 */
export function objectRuleErrors(
  resource: string,
  rules: ResourceRules,
  object: StoredObject,
  others: Iterable<StoredObject>,
  settings: RuleSettings,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, owner] of Object.entries(rules.belongsTo)) {
    const belonging = catalogueObject(rules, settings, field, idOf(object[field]));
    const ownerId = idOf(object[owner]);
    if (belonging !== undefined && ownerId !== undefined && belonging[owner] !== ownerId)
      // The fake's choice: Piriod's docs state the rule, not its wording.
      errors[field] = [
        `Invalid pk "${String(idOf(object[field]))}" - object does not belong to ${owner} "${String(ownerId)}".`,
      ];
  }
  for (const [field, { field: named, flag, accountCountry }] of Object.entries(rules.requiredWhen)) {
    const id = idOf(object[named]);
    const related = catalogueObject(rules, settings, named, id);
    if (related?.[flag] !== true || (accountCountry && id !== settings.accountCountry)) continue;
    const value = object[field];
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === ""))
      errors[field] = ["This field is required."];
  }
  if (rules.maxPer !== undefined) {
    const { count, fields } = rules.maxPer;
    const key = (candidate: StoredObject) => JSON.stringify(fields.map((field) => idOf(candidate[field]) ?? null));
    const own = key(object);
    let sharing = 0;
    for (const other of others) if (other.id !== object.id && key(other) === own) sharing++;
    if (sharing >= count)
      // The fake's choice: Piriod's docs give the limit, not its wording.
      errors.non_field_errors = [`There may be at most ${count} ${resource} with the same ${fields.join(" and ")}.`];
  }
  return errors;
}

/** A field's id: the value itself, or an embedded object's `id`. */
export function idOf(value: unknown): unknown {
  return value !== null && typeof value === "object" ? (value as { id?: unknown }).id : value;
}

/** Every catalogue option the rules name (`countries`, `states`). */
export function catalogueOptions(rules: ResourceRulesMap): string[] {
  return [...new Set(Object.values(rules).flatMap((resource) => Object.values(resource.catalogues)))];
}

/** The settings of `createPiriodFake`'s options, checked: each catalogue a list of objects with an `id`, the account's country a text. */
export function ruleSettings(
  options: Record<string, unknown>,
  rules: ResourceRulesMap,
  fail: (rule: string) => Error,
): RuleSettings {
  const catalogues: Record<string, readonly StoredObject[]> = {};
  for (const option of catalogueOptions(rules)) {
    const given = options[option];
    if (given === undefined) continue;
    if (
      !Array.isArray(given) ||
      given.some((object) => object === null || typeof object !== "object" || !Object.hasOwn(object, "id"))
    )
      throw fail(`${option} must be a list of objects, each with its id`);
    catalogues[option] = structuredClone(given) as StoredObject[];
  }
  const { accountCountry } = options;
  if (accountCountry !== undefined && typeof accountCountry !== "string")
    throw fail("accountCountry must be a country id, such as CL");
  return { catalogues, ...(accountCountry === undefined ? {} : { accountCountry }) };
}

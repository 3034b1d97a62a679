import type { ResourceModel, ResourceRules } from "./model.js";
import type { RuleSettings } from "./rules.js";

/** One object as the fake stores it and answers with it: a response's shape (`country` as an object). */
export type StoredObject = Record<string, unknown>;

/** What the server writes into an object itself. */
export interface ServerContext {
  /** The id to give an object that has none. */
  newId: () => string;
  /** The time of this write, in RFC 3339. */
  now: string;
  testMode: boolean;
  /** Refuse what the spec's schemas refuse even where Django REST Framework reads it (`"13"` for an integer, an unknown field). */
  strict: boolean;
  /** The rules Piriod documents for the resource's writes. */
  rules: ResourceRules;
  /** The catalogues and the account's country the test gave. */
  settings: RuleSettings;
  /** The object a catalogue the test gave holds for a field's id, if any. */
  catalogued: (field: string, id: unknown) => StoredObject | undefined;
}

/** A created object: the schema's defaults, the (validated) body with ids made objects, and what the server writes. */
export function createdObject(model: ResourceModel, body: StoredObject, context: ServerContext): StoredObject {
  // Spread, not Object.assign: a body's own `__proto__` key stays a field instead of becoming the object's prototype.
  const object: StoredObject = {
    ...Object.fromEntries(model.server.emptyLists.map((field) => [field, []])),
    ...structuredClone(model.defaults),
    ...withRelatedObjects(model, body, context),
  };
  return withServerFields(model, object, context, "create");
}

/** A partial update: the stored object with the body's fields over it, and its update time. */
export function updatedObject(
  model: ResourceModel,
  stored: StoredObject,
  body: StoredObject,
  context: ServerContext,
): StoredObject {
  return withServerFields(model, { ...stored, ...withRelatedObjects(model, body, context) }, context, "update");
}

/**
 * An object for a test to start from: the spec's example of one (else the schema's defaults),
 * with an id of its own, this time and this mode, lists the server fills left empty, and the
 * caller's fields over it (an id given for an embedded object, `country: "MX"`, becomes that object).
 */
export function exampleObject(model: ResourceModel, fields: StoredObject, context: ServerContext): StoredObject {
  const base = structuredClone({ ...model.defaults, ...model.example }) as StoredObject;
  for (const field of model.server.emptyLists) base[field] = [];
  for (const field of [model.server.id, ...model.server.created]) if (field) delete base[field];
  const object = withServerFields(model, base, context, "create");
  return { ...object, ...withRelatedObjects(model, fields, context) };
}

/**
 * The fields with each one the request sends as an id (`x-piriod-id-of`) replaced by the object
 * the response embeds: the catalogue's object the test gave, else the spec's example of it when the
 * id is the example's, else the id alone.
 */
function withRelatedObjects(model: ResourceModel, fields: StoredObject, context: ServerContext): StoredObject {
  const result = structuredClone(fields);
  for (const [field, known] of Object.entries(model.related)) {
    const id = result[field];
    if (id === undefined || id === null || typeof id === "object") continue;
    result[field] = structuredClone(
      context.catalogued(field, id) ?? known.find((object) => object.id === id) ?? { id },
    );
  }
  return result;
}

function withServerFields(
  model: ResourceModel,
  object: StoredObject,
  context: ServerContext,
  write: "create" | "update",
): StoredObject {
  const { id, testMode, created, updated } = model.server;
  if (write === "create") {
    if (id && object[id] === undefined) object[id] = context.newId();
    if (testMode) object[testMode] = context.testMode;
  }
  // A create's body cannot carry these (the closed schemas refuse read-only fields); a seed may, and keeps them.
  for (const field of write === "create" ? created : updated)
    if (write === "update" || object[field] === undefined) object[field] = context.now;
  return object;
}

/** An id in Piriod's style: the resource's prefix, then 14 upper-case letters and digits (`cus_01J9Q4ZK2M7XBA`). */
export function newId(prefix: string | undefined): string {
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const bytes = crypto.getRandomValues(new Uint8Array(14));
  const text = Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("");
  return prefix ? `${prefix}_${text}` : text;
}

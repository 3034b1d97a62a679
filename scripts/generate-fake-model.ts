import type { ReferenceObject, ResponseObject, SchemaObject } from "openapi-typescript";
import { idPrefixProblem } from "../lint/redocly/extension-values.ts";
import type { FieldKind, ResourceModel } from "../src/testing/model.ts";
import { type ClientMethod, clientMethods } from "./lib/client-methods.ts";
import { GENERATED_HEADER } from "./lib/generated-header.ts";
import { PipelineError } from "./lib/pipeline-error.ts";
import {
  componentSchema,
  deref,
  numberOf,
  propertiesOf,
  type SpecDocument as Spec,
  schemaName,
  typesOf,
} from "./lib/spec-document.ts";
import { idFields } from "./lib/spec-operations.ts";
import {
  constStatement,
  exported,
  factory,
  jsonExpression,
  namedImport,
  printModule,
  typeReference,
  withDoc,
} from "./lib/ts-nodes.ts";

/** Django's lookups the fake applies to a list's filters (`created__gte`); any other suffix is part of the field's name. */
const LOOKUPS = new Set(["exact", "iexact", "icontains", "contains", "gt", "gte", "lt", "lte", "in"]);

type ListModel = NonNullable<ResourceModel["list"]>;

/**
 * What the fake of `@piriod/api/testing` knows of each resource, read from the spec: the schema
 * of one object (what retrieve answers and a list's `results` hold), the prefix of its ids
 * (`x-piriod-id-prefix`), the defaults of its fields, which request fields name an object the
 * response embeds (`x-piriod-id-of`) and the objects of that kind the spec's examples show, the
 * read-only fields the server writes, an example object, and its list's filters.
 *   fake-model.js (+ .d.ts)
 * The fake itself (src/testing/) holds no resource, path or field name of any operation.
 */
export function generateFakeModel(document: Spec): Record<string, string> {
  const byResource = new Map<string, ClientMethod[]>();
  for (const method of clientMethods(document))
    byResource.set(method.resource, [...(byResource.get(method.resource) ?? []), method]);
  const models: Record<string, ResourceModel> = {};
  for (const [resource, methods] of byResource) {
    const model = resourceModel(document, resource, methods);
    if (model) models[resource] = model;
  }
  const schemas = [...new Set(Object.values(models).map((model) => model.schema))];
  const doc = "What the fake knows of each resource, by the resource its operations' x-piriod-method names.";
  return {
    "fake-model.js":
      GENERATED_HEADER +
      printModule([
        withDoc(constStatement("resources", { value: jsonExpression(models), modifiers: exported() }), doc),
      ]),
    "fake-model.d.ts":
      GENERATED_HEADER +
      printModule([
        namedImport(["ResourceModels"], "../src/testing/model.js", { typeOnly: true }),
        ...(schemas.length > 0 ? [namedImport(schemas, "./schema.js", { typeOnly: true })] : []),
        withDoc(
          constStatement("resources", {
            type: typeReference("ResourceModels"),
            modifiers: exported({ declare: true }),
          }),
          doc,
        ),
        withDoc(
          factory.createInterfaceDeclaration(
            exported(),
            "ResourceObjects",
            undefined,
            undefined,
            Object.entries(models).map(([resource, model]) =>
              factory.createPropertySignature(undefined, resource, undefined, typeReference(model.schema)),
            ),
          ),
          "The object each resource stores, as its responses carry it.",
        ),
      ]),
  };
}

/** The model of one resource, or none for a resource without an object schema (one that only deletes, say). */
function resourceModel(document: Spec, resource: string, methods: ClientMethod[]): ResourceModel | undefined {
  const where = `fake model: ${resource}`;
  const items = new Set<string>();
  for (const method of methods) {
    const { schema } = method.success;
    const item = method.paginated && schema !== undefined ? schemaName(listItems(document, schema)) : schema;
    if (item !== undefined) items.add(item);
  }
  if (items.size === 0) return undefined;
  if (items.size > 1)
    throw new PipelineError(
      `${where}: its operations answer with different objects (${[...items].join(", ")}); the fake stores one kind per resource`,
    );
  const [schema = ""] = items;
  const node = componentSchema(document, schema);
  const properties = propertiesOf(node);
  // Checked where it is written, with a create's object that has an id and none, by lint/redocly/rules/id-prefix.ts.
  const idPrefix: unknown = node?.["x-piriod-id-prefix"];
  const problem = idPrefix === undefined ? undefined : idPrefixProblem(idPrefix, schema);
  if (problem !== undefined) throw new PipelineError(`${where}: ${problem}`);

  const related: Record<string, Record<string, unknown>[]> = {};
  for (const method of methods) {
    if (method.requestSchema === undefined) continue;
    for (const [field, relatedSchema] of Object.entries(idFields(document, method.requestSchema, schema))) {
      related[field] ??= knownObjects(document, relatedSchema);
    }
  }
  const example = exampleObject(document, methods, schema);
  for (const [field, known] of Object.entries(related)) {
    const shown = example?.[field] as Record<string, unknown> | undefined;
    // The example's own object is the richest the spec shows: it replaces the one pieced together from field examples.
    if (shown) related[field] = [shown, ...known.filter((object) => object.id !== shown.id)];
  }

  const defaults: Record<string, unknown> = {};
  const server = { created: [] as string[], updated: [] as string[], emptyLists: [] as string[] };
  const identity: { id?: string; testMode?: string } = {};
  for (const [field, property] of Object.entries(properties)) {
    const resolved = deref(document, property);
    if (resolved.default !== undefined) defaults[field] = resolved.default;
    if ((property as SchemaObject).readOnly !== true) continue;
    if (field === "id") identity.id = field;
    else if (field === "test_mode") identity.testMode = field;
    else if (resolved.format === "date-time") (field === "updated" ? server.updated : server.created).push(field);
    else if (typesOf(resolved).join() === "array") server.emptyLists.push(field);
  }
  server.created.push(...server.updated);

  const list = methods.find((method) => method.paginated);
  return {
    schema,
    ...(typeof idPrefix === "string" ? { idPrefix } : {}),
    defaults,
    related,
    server: { ...server, ...identity },
    ...(example ? { example } : {}),
    ...(list ? { list: listModel(document, list, properties, where) } : {}),
  };
}

/** The `results` items of a Paginated envelope schema. */
function listItems(document: Spec, envelope: string): SchemaObject | ReferenceObject | undefined {
  const results = deref(document, propertiesOf(componentSchema(document, envelope)).results);
  const items = results && "items" in results ? results.items : undefined;
  return Array.isArray(items) ? undefined : items;
}

/** The objects of a schema the spec shows: its own `examples`, else one object of its properties' first examples. */
function knownObjects(document: Spec, schema: string): Record<string, unknown>[] {
  const node = componentSchema(document, schema);
  const shown = examplesOf(node);
  if (shown.length > 0) return shown as Record<string, unknown>[];
  const object = Object.fromEntries(
    Object.entries(propertiesOf(node))
      .map(([field, property]) => [field, examplesOf(deref(document, property))[0]])
      .filter(([, value]) => value !== undefined),
  );
  return object.id === undefined ? [] : [object];
}

/** A schema's `examples` (JSON Schema's, which openapi-typescript's type does not name). */
function examplesOf(schema: SchemaObject | undefined): unknown[] {
  const examples: unknown = (schema as { examples?: unknown } | undefined)?.examples;
  return Array.isArray(examples) ? examples : [];
}

/** The first example of the object that retrieve (else any operation) answers with. */
function exampleObject(document: Spec, methods: ClientMethod[], schema: string): Record<string, unknown> | undefined {
  const answering = methods.filter((method) => !method.paginated && method.success.schema === schema);
  answering.sort((a, b) => Number(b.method === "GET") - Number(a.method === "GET"));
  for (const method of answering) {
    const response = deref<ResponseObject>(document, method.operation.responses?.[String(method.success.status)]);
    const examples = response?.content?.["application/json"]?.examples ?? {};
    for (const example of Object.values(examples)) {
      const value: unknown = deref(document, example)?.value;
      if (value && typeof value === "object") return value as Record<string, unknown>;
    }
  }
  return undefined;
}

function listModel(
  document: Spec,
  method: ClientMethod,
  properties: Record<string, SchemaObject | ReferenceObject>,
  where: string,
): ListModel {
  const filters: Record<string, { field: string; lookup: string; kind: FieldKind }> = {};
  const prefixes: Record<string, string> = {};
  let pageSize = { default: 20, maximum: 100 };
  for (const parameter of method.query) {
    if (parameter.name === "page_size") {
      pageSize = {
        default: numberOf(parameter.schema, "default") ?? pageSize.default,
        maximum: numberOf(parameter.schema, "maximum") ?? pageSize.maximum,
      };
      continue;
    }
    if (parameter.prefix !== undefined) {
      if (properties[parameter.name] === undefined)
        throw new PipelineError(
          `${where}: ${method.where}: the family ${parameter.prefix}<key> reads ${parameter.name}, which the object has not`,
        );
      prefixes[parameter.prefix] = parameter.name;
      continue;
    }
    const match = parameter.name.match(/^(.+)__(\w+)$/);
    const [, named = parameter.name, suffix = "exact"] = match ?? [];
    const [field, lookup] = LOOKUPS.has(suffix) ? [named, suffix] : [parameter.name, "exact"];
    // `page` and `ordering` are Piriod's paging and sorting; a parameter naming no field (a search, say) is not modelled.
    if (properties[field] === undefined) continue;
    filters[parameter.name] = { field, lookup, kind: fieldKind(document, properties[field]) };
  }
  const orderable: Record<string, FieldKind> = {};
  for (const [field, property] of Object.entries(properties)) {
    const resolved = deref(document, property);
    const type = typesOf(resolved).join();
    if (type !== "array" && (type !== "object" || propertiesOf(resolved).id !== undefined))
      orderable[field] = fieldKind(document, property);
  }
  return { filters, prefixes, pageSize, orderable };
}

function fieldKind(document: Spec, property: SchemaObject | ReferenceObject): FieldKind {
  const resolved = deref(document, property);
  if (resolved.format === "date-time") return "time";
  const types = typesOf(resolved);
  if (types.includes("boolean")) return "boolean";
  if (types.includes("integer") || types.includes("number")) return "number";
  if (types.join() === "object" && propertiesOf(resolved).id !== undefined) return "id";
  return "text";
}

import type { OpenApiDocument } from "./bundle-spec.ts";
import { clientMethods } from "./generate-operations.ts";
import { GENERATED_HEADER } from "./lib/generated-header.ts";
import { PipelineError } from "./lib/pipeline-error.ts";
import { deref, type SpecNode } from "./lib/spec-operations.ts";

/** The rules Piriod documents for one resource's writes, as the fake applies them. */
interface ResourceRules {
  /** Required text fields, which Django REST Framework refuses blank (`""`, `"   "`). */
  notBlank: string[];
  /** Request fields naming an object of a catalogue a test may give the fake: field → the option (`x-piriod-catalogue`). */
  catalogues: Record<string, string>;
  /** Request fields whose object belongs to the object another field names (`x-piriod-belongs-to`): field → that field. */
  belongsTo: Record<string, string>;
  /** Fields required when the object another field names has a flag and is the account's own (`x-piriod-required-when`). */
  requiredWhen: Record<string, { field: string; flag: string; accountCountry: boolean }>;
  /** At most `count` objects share the values of `fields` (`x-piriod-max-per`). */
  maxPer?: { count: number; fields: string[] };
  /** What a delete of an object with activity writes instead of deleting it (`x-piriod-archive`). */
  archive?: Record<string, unknown>;
  /** The message of a delete refused for what blocks it (`x-piriod-delete-refused`). */
  deleteRefused?: string;
}

/**
 * The rules Piriod documents for each resource's writes, from the spec's `x-piriod-*` extensions
 * (and Django REST Framework's default for required text), for the fake of @piriod/api/testing:
 *   fake-rules.js (+ .d.ts)
 * A resource the spec declares no rule for gets none; the fake holds no resource or field name.
 */
export function generateFakeRules(document: OpenApiDocument): Record<string, string> {
  const rules: Record<string, ResourceRules> = {};
  const catalogues = new Map<string, string>();
  for (const method of clientMethods(document)) {
    const where = `fake rules: ${method.where}`;
    const resource = rules[method.resource] ?? { notBlank: [], catalogues: {}, belongsTo: {}, requiredWhen: {} };
    rules[method.resource] = resource;
    const archive = method.operation["x-piriod-archive"];
    if (archive !== undefined) {
      if (method.method !== "DELETE" || archive === null || typeof archive !== "object" || Array.isArray(archive))
        throw new PipelineError(
          `${where}: x-piriod-archive belongs on a delete, as the fields it writes ({ status: archived })`,
        );
      resource.archive = archive;
    }
    const refused = method.operation["x-piriod-delete-refused"];
    if (refused !== undefined) {
      if (method.method !== "DELETE" || typeof refused !== "string" || refused.trim() === "")
        throw new PipelineError(`${where}: x-piriod-delete-refused belongs on a delete, as the message of its refusal`);
      resource.deleteRefused = refused;
    }
    if (method.requestSchema === undefined) continue;
    const schema = deref(document, { $ref: `#/components/schemas/${method.requestSchema}` });
    readSchemaRules(document, schema, resource, catalogues, `${where}: ${method.requestSchema}`);
  }
  const kept = Object.fromEntries(Object.entries(rules).filter(([, rule]) => !isEmpty(rule)));
  const typeImports = [...new Set(catalogues.values())];
  const options = [...catalogues].map(
    ([option, schema]) =>
      `  /** The ${option} Piriod knows, by \`id\`: an id of none of them is refused as Django REST Framework refuses an unknown primary key. Default: any id. */\n  ${option}?: readonly ${schema}[];\n`,
  );
  return {
    "fake-rules.js": `${GENERATED_HEADER}/** The rules Piriod documents for each resource's writes, by the resource its operations' x-piriod-method names. */\nexport const rules = ${JSON.stringify(kept, null, 2)};\n`,
    "fake-rules.d.ts": `${GENERATED_HEADER}${RULES_TYPES}${typeImports.length ? `import type { ${typeImports.join(", ")} } from "./schema.js";\n\n` : ""}/** The catalogues a test may give the fake (\`createPiriodFake({ countries })\`), by the option \`x-piriod-catalogue\` names. */\nexport interface FakeCatalogues {\n${options.join("")}}\n`,
  };
}

function readSchemaRules(
  document: OpenApiDocument,
  schema: SpecNode,
  rules: ResourceRules,
  catalogues: Map<string, string>,
  where: string,
): void {
  const properties: Record<string, SpecNode> = schema.properties ?? {};
  for (const field of (schema.required ?? []) as string[]) {
    const property = deref(document, properties[field]);
    // A field that sends an object's id is a primary key to DRF, not a text.
    if (property?.type === "string" && property["x-piriod-id-of"] === undefined && !rules.notBlank.includes(field))
      rules.notBlank.push(field);
  }
  for (const [field, node] of Object.entries(properties)) {
    const property = deref(document, node);
    const related: unknown = property["x-piriod-id-of"];
    if (typeof related === "string") {
      const option: unknown = deref(document, { $ref: `#/components/schemas/${related}` })["x-piriod-catalogue"];
      if (option !== undefined) {
        if (typeof option !== "string" || !/^[a-z][A-Za-z]*$/.test(option))
          throw new PipelineError(
            `${where}: x-piriod-catalogue of ${related} must name an option in lower camel case (countries)`,
          );
        rules.catalogues[field] = option;
        catalogues.set(option, related);
      }
    }
    const owner: unknown = property["x-piriod-belongs-to"];
    if (owner !== undefined) {
      const ownerSchema =
        typeof related === "string" ? deref(document, { $ref: `#/components/schemas/${related}` }) : undefined;
      if (
        typeof owner !== "string" ||
        properties[owner] === undefined ||
        ownerSchema?.properties?.[owner] === undefined
      )
        throw new PipelineError(
          `${where}.${field}: x-piriod-belongs-to must name a field of the body that the object ${field} names has too (country)`,
        );
      rules.belongsTo[field] = owner;
    }
    const when: SpecNode = property["x-piriod-required-when"];
    if (when !== undefined) {
      const known = typeof when?.field === "string" ? deref(document, properties[when.field]) : undefined;
      if (known?.["x-piriod-id-of"] === undefined || typeof when.flag !== "string")
        throw new PipelineError(
          `${where}.${field}: x-piriod-required-when needs the field naming an object and that object's flag ({ field: country, flag: has_regulation })`,
        );
      rules.requiredWhen[field] = { field: when.field, flag: when.flag, accountCountry: when.accountCountry === true };
    }
  }
  const most: SpecNode = schema["x-piriod-max-per"];
  if (most !== undefined) {
    const fields: unknown = most?.fields;
    if (
      !Number.isInteger(most?.count) ||
      most.count < 1 ||
      !Array.isArray(fields) ||
      fields.some((name) => properties[name] === undefined)
    )
      throw new PipelineError(
        `${where}: x-piriod-max-per needs a count and fields of the body ({ count: 7, fields: [customer, orgunit] })`,
      );
    rules.maxPer = { count: most.count, fields: fields as string[] };
  }
}

function isEmpty(rules: ResourceRules): boolean {
  return (
    rules.notBlank.length === 0 &&
    Object.keys(rules.catalogues).length === 0 &&
    Object.keys(rules.belongsTo).length === 0 &&
    Object.keys(rules.requiredWhen).length === 0 &&
    rules.maxPer === undefined &&
    rules.archive === undefined &&
    rules.deleteRefused === undefined
  );
}

const RULES_TYPES = `/** The rules Piriod documents for one resource's writes, as the fake applies them. */
export interface ResourceRules {
  /** Required text fields, which Django REST Framework refuses blank (\`""\`, \`"   "\`). */
  readonly notBlank: readonly string[];
  /** Request fields naming an object of a catalogue a test may give the fake: field → the option (\`x-piriod-catalogue\`). */
  readonly catalogues: Readonly<Record<string, string>>;
  /** Request fields whose object belongs to the object another field names (\`x-piriod-belongs-to\`): field → that field. */
  readonly belongsTo: Readonly<Record<string, string>>;
  /** Fields required when the object another field names has a flag, and (with \`accountCountry\`) is the account's own (\`x-piriod-required-when\`). */
  readonly requiredWhen: Readonly<Record<string, { readonly field: string; readonly flag: string; readonly accountCountry: boolean }>>;
  /** At most \`count\` objects share the values of \`fields\` (\`x-piriod-max-per\`). */
  readonly maxPer?: { readonly count: number; readonly fields: readonly string[] };
  /** What a delete of an object with activity writes instead of deleting it (\`x-piriod-archive\`). */
  readonly archive?: Readonly<Record<string, unknown>>;
  /** The message of a delete refused for what blocks it (\`x-piriod-delete-refused\`). */
  readonly deleteRefused?: string;
}

/** The rules of each resource that has any, by the resource its operations' x-piriod-method names. */
export declare const rules: { readonly [resource: string]: ResourceRules };

`;

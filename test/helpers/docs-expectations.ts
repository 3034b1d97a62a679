import { REDOC_OPTIONS } from "../../scripts/build-docs.ts";
import { type JsonSchema, resolve, typesOf } from "./conformance-schemas.ts";
import type { SpecOperation } from "./operations-of-spec.ts";

/**
 * What the rendered page must show, derived from the spec by the rules Redoc renders it with.
 * The rules are the renderer's (its routes, its wording of a constraint); the facts are the
 * spec's, so an operation or field the spec gains is expected on the page without a new line here.
 */

/** The entry of the sample menu that shows the request example, as REDOC_OPTIONS names it. */
export const PAYLOAD = "Payload";

/** The languages the docs offer samples in: every operation must carry one in each. */
export const SAMPLE_LANGUAGES: string[] = REDOC_OPTIONS.codeSamples.languages
  .map((language) => language.lang)
  .filter((lang) => lang !== PAYLOAD);

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The hash route of an operation (`#/customers/updatecustomer`): its first tag and its operationId. */
export function operationRoute(operation: SpecOperation): string {
  return `#/${slug(operation.tags[0] ?? "")}/${operation.operationId.toLowerCase()}`;
}

/** The `data-section-id` of the element that holds an operation: its route without the `#`. */
export const operationSectionId = (operation: SpecOperation): string => operationRoute(operation).slice(1);

/** How the ids of an operation's request fields begin (`customers/updatecustomer/t=request&path=`); the field's name follows. */
export const requestFieldIdPrefix = (operation: SpecOperation): string =>
  `${operationRoute(operation).slice(2)}/t=request&path=`;

/** Every heading of a Markdown text, at any level, outside fenced code: Redoc lists each in its navigation. */
export function markdownHeadings(markdown: string): string[] {
  const outsideFences = markdown.replace(/^( *)(```|~~~)[\s\S]*?^\1\2 *$/gm, "");
  return [...outsideFences.matchAll(/^#{1,6} +(.+?) *#* *$/gm)].map(([, text = ""]) => text);
}

/**
 * The navigation's entries in order: the title, each heading of the guide, then each tag of the
 * spec's `tags` followed by the summaries of the operations (a webhook's included) it is the first tag of. The spec's lint
 * (operation-tag-defined) holds every operation's tag to that list.
 */
export function navigationLabels(
  info: { title: string; description?: string },
  tags: { name: string }[],
  operations: SpecOperation[],
): string[] {
  return [
    info.title,
    ...markdownHeadings(info.description ?? ""),
    // A tag with no operation is listed all the same, as a page of its description.
    ...tags.flatMap(({ name }) => [
      name,
      ...operations.filter((operation) => operation.tags[0] === name).map((operation) => operation.summary),
    ]),
  ];
}

/** The sample menu beside an operation: the request example if it takes a body, then its samples. */
export function sampleMenu(operation: SpecOperation): string[] {
  return [...(operation.requestBody ? [PAYLOAD] : []), ...Object.keys(operation.codeSamples)];
}

/** One request field as the page shows it: name, type line, whether required, and the default shown. */
export type FieldRow = [name: string, typeLine: string, required: boolean, shownDefault?: string];

/** The rows of a request body schema; read-only fields are left out, as Redoc leaves them out of a request. */
export function requestFieldRows(schema: JsonSchema): FieldRow[] {
  const body = resolve(schema);
  return Object.entries(body.properties ?? {})
    .filter(([, property]) => !resolve(property).readOnly)
    .map(([name, property]): FieldRow => {
      const resolved = resolve(property);
      const [typeLine, required] = [renderedTypeLine(resolved), body.required?.includes(name) ?? false];
      return "default" in resolved
        ? [name, typeLine, required, JSON.stringify(resolved.default)]
        : [name, typeLine, required];
    });
}

// Keywords that change how Redoc words a type but are not worded below: a schema using one fails
// loudly, rather than being compared with a line the page does not show.
const UNWORDED = [
  "pattern",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "const",
  "oneOf",
  "anyOf",
  "allOf",
];

// Alternatives Redoc lists under the field's own type line, when the field declares a type.
const LISTED_UNDER_TYPE = ["oneOf", "anyOf"];

/** A field's type line: `string or null, (uri), <= 200 characters`, `integer, [ 0 .. 10 ]`, `Array of strings`. */
export function renderedTypeLine(schema: JsonSchema): string {
  const unworded = UNWORDED.filter(
    (keyword) => keyword in schema && !(schema.type !== undefined && LISTED_UNDER_TYPE.includes(keyword)),
  );
  if (unworded.length > 0) throw new Error(`renderedTypeLine does not know how Redoc words ${unworded.join(", ")}`);
  const types = typesOf(schema);
  const parts = [
    types[0] === "array" ? `Array of ${typesOf(resolve(schema.items ?? {}))[0] ?? "any"}s` : types.join(" or "),
  ];
  if (schema.format !== undefined) parts.push(`(${schema.format})`);
  const length =
    schema.minLength === 1 && schema.maxLength === undefined
      ? "non-empty"
      : range(schema.minLength, schema.maxLength, " characters");
  const size = range(schema.minimum as number | undefined, schema.maximum as number | undefined, "");
  return [...parts, length, size].filter((part) => part !== undefined).join(", ");
}

function range(min: number | undefined, max: number | undefined, unit: string): string | undefined {
  if (min !== undefined && max !== undefined) return `[ ${min} .. ${max} ]${unit}`;
  if (max !== undefined) return `<= ${max}${unit}`;
  if (min !== undefined) return `>= ${min}${unit}`;
  return undefined;
}

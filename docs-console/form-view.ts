/**
 * A console's form: a labelled field for each path and query parameter the operation declares, and
 * a JSON editor for its body, prefilled from the spec's examples. What the reader types is kept per
 * operation for the visit.
 */
import { describedText, h } from "./dom.ts";
import type { FormValues } from "./input.ts";
import type { ConsoleField, ConsoleModel, ConsoleOperation } from "./model.ts";

/** The reader's values of every operation's form, from the spec's examples until changed. */
export class FormValuesByOperation {
  readonly #values = new Map<string, FormValues>();
  constructor(private readonly model: ConsoleModel) {}

  of(operation: ConsoleOperation): FormValues {
    let values = this.#values.get(operation.key);
    if (values === undefined) {
      values = defaults(operation);
      this.#values.set(operation.key, values);
    }
    return values;
  }

  /** Points the forms of `resource` at a new object: the last path parameter of each that has one. */
  useId(resource: string, id: string): void {
    for (const operation of this.model.operations) {
      const last = operation.pathParams.at(-1);
      if (operation.resource === resource && last) this.of(operation).path[last.name] = id;
    }
  }

  clear(): void {
    this.#values.clear();
  }
}

function defaults(operation: ConsoleOperation): FormValues {
  return {
    path: Object.fromEntries(operation.pathParams.map((field) => [field.name, field.example ?? ""])),
    // Filters combine, so the examples together would match nothing: they are shown as hints instead.
    query: {},
    body: operation.body?.example ?? "",
  };
}

/** Ids of the form's controls, for labels and for what reads them. */
export const fieldId = (place: "path" | "query", name: string) => `pc-${place}-${name}`;
export const BODY_ID = "pc-body";

/** The fields of `operation`'s form, bound to `values`; `changed` runs after each edit. */
export function formFields(operation: ConsoleOperation, values: FormValues, changed: () => void): HTMLElement[] {
  const group = (legend: string, place: "path" | "query", fields: ConsoleField[]) =>
    fields.length > 0 &&
    h(
      "fieldset",
      { class: "pc-fields" },
      h("legend", {}, legend),
      fields.map((field) => fieldRow(field, place, values[place], changed)),
    );
  const parts = [
    group("Path parameters", "path", operation.pathParams),
    group("Query parameters (leave empty to leave out)", "query", operation.query),
  ];
  return parts.filter((part): part is HTMLFieldSetElement => part !== false);
}

function fieldRow(
  field: ConsoleField,
  place: "path" | "query",
  values: Record<string, string>,
  changed: () => void,
): HTMLElement {
  const id = fieldId(place, field.name);
  const help = `${id}-help`;
  const common = {
    id,
    name: field.name,
    "aria-describedby": help,
    "aria-required": field.required ? "true" : undefined,
  };
  const control = field.choices
    ? h(
        "select",
        common,
        h("option", { value: "" }, field.required ? "choose" : "any"),
        field.choices.map((choice) => h("option", { value: choice }, choice)),
      )
    : h("input", {
        ...common,
        type: "text",
        spellcheck: "false",
        autocomplete: "off",
        inputmode: field.type === "integer" || field.type === "number" ? "numeric" : undefined,
        placeholder: field.example === undefined ? undefined : `e.g. ${field.example}`,
      });
  control.value = values[field.name] ?? "";
  control.addEventListener(control instanceof HTMLSelectElement ? "change" : "input", () => {
    values[field.name] = control.value;
    changed();
  });
  return h(
    "div",
    { class: "pc-field" },
    h(
      "label",
      { for: id },
      h("code", {}, field.name),
      field.required && h("span", { class: "pc-required" }, " required"),
    ),
    control,
    h("p", { id: help, class: "pc-help" }, ...describedText(field.description), hintOf(field)),
  );
}

function hintOf(field: ConsoleField): string | undefined {
  if (field.type === "pairs") return ` Write key=value pairs joined by &; each is sent as ${field.prefix ?? ""}key.`;
  if (field.type === "list") return " Separate the values with commas.";
  return undefined;
}

import type { ValidationIssue } from "../validator-runtime.js";

/** A body Piriod refuses, as Django REST Framework writes it: each field → its messages, nested fields nested. */
export type FieldErrorBody = {
  [field: string]: string[] | FieldErrorBody | (FieldErrorBody | Record<string, never>)[];
};

/**
 * The 400 body Piriod sends for a request body that breaks its schema: each field that is wrong
 * (and only those), with Django REST Framework's message for the rule where DRF has one, nested as
 * the field is (`{ "tax_settings": { "activity": ["…"] } }`); what concerns the whole body goes
 * under `non_field_errors`.
 */
export function validationErrorBody(issues: readonly ValidationIssue[], body: unknown): FieldErrorBody {
  // Field names come from the caller's body: a field named `constructor` or `__proto__` is a key like any other.
  const errors: FieldErrorBody = Object.create(null);
  for (const issue of issues) {
    const whole = issue.path === "";
    const segments = whole ? ["non_field_errors"] : issue.path.slice(1).split("/").map(unescapePointer);
    const messages = at(errors, segments);
    const message =
      whole && issue.keyword === "type"
        ? `Invalid data. Expected a dictionary, but got ${pythonType(body)}.`
        : drfMessage(issue, valueAt(body, segments));
    if (!messages.includes(message)) messages.push(message);
  }
  return errors;
}

/** DRF's wording for a failed rule, else the validator's own sentence. */
function drfMessage(issue: ValidationIssue, value: unknown): string {
  const params = issue.params ?? {};
  switch (issue.keyword) {
    case "required":
      return "This field is required.";
    case "maxLength":
      return `Ensure this field has no more than ${String(params.limit)} characters.`;
    case "minLength":
      return `Ensure this field has at least ${String(params.limit)} characters.`;
    case "maximum":
      return `Ensure this value is less than or equal to ${String(params.limit)}.`;
    case "minimum":
      return `Ensure this value is greater than or equal to ${String(params.limit)}.`;
    case "enum":
      return `"${String(value)}" is not a valid choice.`;
    case "format":
      return FORMAT_MESSAGES[String(params.format)] ?? issue.message;
    case "type":
      if (value === null) return "This field may not be null.";
      return typeMessage([params.type].flat().find((type) => type !== "null") as string, value);
    case "additionalProperties":
      // DRF drops fields a serializer does not declare; the spec's closed schemas refuse them, and so does a strict fake.
      return "This field is not allowed.";
    default:
      return issue.message;
  }
}

const FORMAT_MESSAGES: Record<string, string> = {
  email: "Enter a valid email address.",
  uri: "Enter a valid URL.",
  "date-time":
    "Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].",
  date: "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
};

function typeMessage(type: string | undefined, value: unknown): string {
  switch (type) {
    case "integer":
      return "A valid integer is required.";
    case "number":
      return "A valid number is required.";
    case "boolean":
      return "Must be a valid boolean.";
    case "string":
      return "Not a valid string.";
    case "object":
      return `Expected a dictionary of items but got type "${pythonType(value)}".`;
    case "array":
      return `Expected a list of items but got type "${pythonType(value)}".`;
    default:
      return "Invalid value.";
  }
}

/** What Python calls the type of a JSON value, as DRF's messages name it. */
function pythonType(value: unknown): string {
  if (Array.isArray(value)) return "list";
  if (typeof value === "string") return "str";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "float";
  return value === null ? "NoneType" : "dict";
}

/** The list of messages at `segments`, made on the way: an index makes a list (DRF fills the valid items with `{}`). */
function at(errors: FieldErrorBody, segments: string[]): string[] {
  let node: Record<string, unknown> | unknown[] = errors;
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    const key = Array.isArray(node) ? Number(segment) : segment;
    const next = /^\d+$/.test(segments[index + 1] ?? "") ? [] : Object.create(null);
    let child = Object.hasOwn(node, key) ? (node as Record<string | number, unknown>)[key] : undefined;
    if (Array.isArray(node))
      for (let fill = node.length; fill < (key as number); fill++) node[fill] = Object.create(null);
    if (child === undefined || (!last && !isContainer(child))) {
      child = last ? [] : next;
      (node as Record<string | number, unknown>)[key] = child;
    }
    node = child as Record<string, unknown> | unknown[];
  }
  return node as string[];
}

function isContainer(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !(Array.isArray(value) && value.every((item) => typeof item === "string") && value.length > 0)
  );
}

function valueAt(body: unknown, segments: string[]): unknown {
  let value = body;
  for (const segment of segments)
    value =
      value !== null && typeof value === "object" && Object.hasOwn(value, segment)
        ? (value as Record<string, unknown>)[segment]
        : undefined;
  return value;
}

/** A JSON Pointer's segment as the key it names. */
export function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

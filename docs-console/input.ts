/**
 * A console's form, as the reader filled it in, read into the arguments of the client method:
 * path parameters in order, then the body, then the query object. Values keep the reader's text
 * wherever it is not plainly of the field's type, so the client and the fake judge them as they
 * would judge a caller's.
 */
import type { ConsoleField, ConsoleOperation } from "./model.ts";

/** What the reader typed: each field's text by name, and the body's JSON text. */
export interface FormValues {
  path: Record<string, string>;
  query: Record<string, string>;
  body: string;
}

/** The arguments of one call, by kind. */
export interface CallArguments {
  path: string[];
  body?: unknown;
  /** Only the fields the reader filled in; absent when none is. */
  query?: Record<string, unknown>;
}

/** A field the console cannot turn into an argument, and why. */
export interface FormProblem {
  field: string;
  message: string;
}

export type ReadForm = { ok: true; args: CallArguments } | { ok: false; problems: FormProblem[] };

export function readForm(operation: ConsoleOperation, values: FormValues): ReadForm {
  const problems: FormProblem[] = [];
  const path = operation.pathParams.map((field) => {
    const text = values.path[field.name] ?? "";
    if (text === "") problems.push({ field: field.name, message: "is required: the path cannot be built without it" });
    return text;
  });
  const query: Record<string, unknown> = {};
  for (const field of operation.query) {
    const text = (values.query[field.name] ?? "").trim();
    if (text === "") continue;
    if (field.type === "pairs") {
      for (const [key, value] of new URLSearchParams(text)) query[`${field.prefix ?? ""}${key}`] = value;
    } else {
      query[field.name] = queryValue(field, text);
    }
  }
  let body: unknown;
  if (operation.body) {
    try {
      body = JSON.parse(values.body);
    } catch (error) {
      problems.push({ field: "body", message: `is not JSON: ${(error as Error).message}` });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    args: {
      path,
      ...(operation.body && { body }),
      ...(Object.keys(query).length > 0 && { query }),
    },
  };
}

/** The client method's arguments in the order it takes them. */
export function argumentList(operation: ConsoleOperation, args: CallArguments): unknown[] {
  return [
    ...args.path,
    ...(operation.body ? [args.body] : []),
    ...(operation.query.length > 0 && args.query ? [args.query] : []),
  ];
}

function queryValue(field: ConsoleField, text: string): unknown {
  switch (field.type) {
    case "integer":
      return /^-?\d+$/.test(text) ? Number(text) : text;
    case "number":
      return text !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
    case "boolean":
      return text === "true" ? true : text === "false" ? false : text;
    case "list":
      return text.split(",").map((item) => item.trim());
    default:
      return text;
  }
}

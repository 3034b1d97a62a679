import * as validators from "../../generated/validators.js";
import type { ValidationResult } from "../validator-runtime.js";
import type { Answer } from "./exchange.js";
import type { SpecOperation } from "./spec.js";

/**
 * How a difference counts: a `spec-violation` (the answer breaks the spec) and a `divergence` (it
 * differs from what Piriod documents, or from what the fake answers for the same step, in status,
 * shape or a documented message) fail the check; `wording` (a message the docs do not fix, a
 * field the spec does not declare) is reported only.
 */
export type DifferenceClass = "spec-violation" | "divergence" | "wording";

export interface Difference {
  class: DifferenceClass;
  /** The operation of the step, `customers.retrieve`. */
  operation: string;
  /** The step, as the report names it: `retrieve customers#1`. */
  step: string;
  /** A stable name for the difference, for the allowlist: `<step>:<where>`. */
  id: string;
  expected: string;
  /** Whose expectation it is: the spec, Piriod's docs, or the fake. */
  by: "the spec" | "Piriod's docs" | "the fake";
  got: string;
  requestId: string | null;
  /** Silenced by the allowlist (wording only). */
  allowed?: boolean;
}

/** What is known of a step when its answers are compared. */
export interface StepContext {
  operation: string;
  step: string;
  spec: SpecOperation;
  /** The status Piriod's docs (or the spec, for a success) give this step. */
  expectedStatus: number;
  /** Messages Piriod's docs show for this step, by where they go (`/non_field_errors`). */
  documented?: Record<string, string>;
}

type Differ = (found: Omit<Difference, "operation" | "step" | "id" | "requestId">, where: string) => void;

/** Every difference between the target's answer to a step, the spec, the docs and the fake's answer. */
export function differences(context: StepContext, target: Answer, fake: Answer | undefined): Difference[] {
  const found: Difference[] = [];
  const differ: Differ = (difference, where) =>
    found.push({
      ...difference,
      operation: context.operation,
      step: context.step,
      id: `${context.step}:${where}`,
      requestId: target.requestId,
    });
  againstSpec(context.spec, target, differ);
  if (target.status !== context.expectedStatus)
    differ(
      {
        class: "divergence",
        expected: `status ${context.expectedStatus}`,
        by: context.expectedStatus >= 400 ? "Piriod's docs" : "the spec",
        got: `status ${target.status}`,
      },
      "status",
    );
  // A fake that answers otherwise than the docs is the fake's fault, not the target's: only answers of the same status compare.
  if (fake === undefined) return found;
  if (target.status >= 400 && fake.status >= 400) errorsAgainst(fake, target, context.documented ?? {}, differ);
  else if (target.status < 300 && fake.status < 300) fieldsAgainst(fake.body, target.body, "", differ);
  return found;
}

/** The answer's status among those the spec declares, and its body valid for that status's schema. */
function againstSpec(spec: SpecOperation, target: Answer, differ: Differ): void {
  const declared = Object.hasOwn(spec.responses, String(target.status));
  if (!declared) {
    differ(
      {
        class: "spec-violation",
        expected: `one of the statuses ${Object.keys(spec.responses).join(", ")}`,
        by: "the spec",
        got: `status ${target.status}`,
      },
      "status/declared",
    );
    return;
  }
  const schema = spec.responses[String(target.status)];
  if (schema === undefined) return;
  if (!target.json) {
    differ(
      { class: "spec-violation", expected: `a JSON ${schema}`, by: "the spec", got: shown(target.body) },
      "body/json",
    );
    return;
  }
  const validate = (
    validators as unknown as Record<string, ((body: unknown) => ValidationResult<unknown>) | undefined>
  )[`validate${schema}`];
  const result = validate?.(target.body);
  if (result && !result.ok)
    for (const issue of result.errors)
      differ(
        {
          class: "spec-violation",
          expected: `a valid ${schema}: ${issue.message}`,
          by: "the spec",
          got: shown(valueAt(target.body, issue.path)),
        },
        `body${issue.path}`,
      );
}

/** The same error fields as the fake's, and the same messages where the docs fix them. */
function errorsAgainst(fake: Answer, target: Answer, documented: Record<string, string>, differ: Differ): void {
  const expected = messagesOf(fake.body);
  const got = messagesOf(target.body);
  for (const [where, messages] of expected) {
    const answered = got.get(where);
    if (answered === undefined) {
      differ(
        {
          class: "divergence",
          expected: `an error at ${where}: ${messages.join(" ")}`,
          by: "the fake",
          got: `no error there; the body is ${shown(target.body)}`,
        },
        `error${where}`,
      );
    } else if (answered.join(" ") !== messages.join(" ")) {
      const fixed = documented[where];
      differ(
        {
          class: fixed !== undefined && !answered.includes(fixed) ? "divergence" : "wording",
          expected: fixed ?? messages.join(" "),
          by: fixed !== undefined ? "Piriod's docs" : "the fake",
          got: answered.join(" "),
        },
        `error${where}`,
      );
    }
  }
  for (const [where, messages] of got)
    if (!expected.has(where))
      differ(
        { class: "divergence", expected: `no error at ${where}`, by: "the fake", got: messages.join(" ") },
        `error${where}`,
      );
}

/** Each field the fake's object holds, in the target's too (a field renamed or dropped); a field only the target has is reported. */
function fieldsAgainst(fake: unknown, target: unknown, where: string, differ: Differ): void {
  if (!isObject(fake) || !isObject(target)) return;
  for (const field of Object.keys(fake))
    if (!Object.hasOwn(target, field))
      differ(
        { class: "divergence", expected: `a field ${where}/${field}`, by: "the fake", got: "none" },
        `field${where}/${field}`,
      );
  for (const field of Object.keys(target))
    if (!Object.hasOwn(fake, field))
      differ(
        { class: "wording", expected: `no field ${where}/${field}`, by: "the fake", got: shown(target[field]) },
        `field${where}/${field}`,
      );
}

/** Django REST Framework's error body as pointer → its messages: `{ name: ["…"] }` → `/name`, `{ detail: "…" }` → `/detail`. */
function messagesOf(body: unknown, where = "", into = new Map<string, string[]>(), depth = 0): Map<string, string[]> {
  if (depth > 8) return into;
  if (typeof body === "string") into.set(where || "/", [...(into.get(where || "/") ?? []), body]);
  else if (Array.isArray(body)) {
    for (const [index, item] of body.entries())
      messagesOf(item, typeof item === "string" ? where : `${where}/${index}`, into, depth + 1);
  } else if (isObject(body))
    for (const [key, value] of Object.entries(body)) messagesOf(value, `${where}/${key}`, into, depth + 1);
  return into;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function valueAt(body: unknown, pointer: string): unknown {
  let value = body;
  for (const segment of pointer.split("/").slice(1))
    value = isObject(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
  return value;
}

/** A value as a report shows it: JSON, at most 200 characters. */
export function shown(value: unknown): string {
  const text =
    value === undefined
      ? "nothing"
      : typeof value === "string"
        ? JSON.stringify(value)
        : (JSON.stringify(value) ?? String(value));
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

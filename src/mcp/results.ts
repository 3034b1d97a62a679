import {
  Page,
  PiriodApiError,
  PiriodBadRequestError,
  PiriodError,
  PiriodValidationError,
  type ValidationIssue,
} from "../node.js";
import type { PiriodTool } from "./tools.js";

/** A tool's answer as MCP carries it: the JSON as text for every client, and as structured content for those that read it. */
export interface ToolResult {
  [key: string]: unknown;
  content: { type: "text"; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/** One refused field, at a JSON Pointer into the tool's arguments (`/body/email`, `/page_size`). */
interface FieldError {
  path: string;
  message: string;
}

/**
 * What the client returned, as the tool's result: the object itself, or for a list the page asked for with the `count` of every match
 * and whether there is a next page. An operation that answers with no body (a delete) says it was done.
 */
export function successResult(tool: PiriodTool, data: unknown, query: Record<string, unknown> | undefined): ToolResult {
  if (data instanceof Page)
    return structured({
      count: data.count,
      page: query?.page ?? 1,
      page_size: query?.page_size,
      has_next_page: data.hasNextPage(),
      results: data.items,
    });
  if (data === undefined)
    return {
      content: [{ type: "text", text: `Done: ${tool.name} answered ${tool.operation.status}, with no content.` }],
    };
  return typeof data === "object" && data !== null && !Array.isArray(data)
    ? structured(data as Record<string, unknown>)
    : { content: [{ type: "text", text: JSON.stringify(data) }] };
}

/**
 * A failed call as a tool error an agent can act on: which error, its message, and for a refused body or a 400 each field with its
 * message, at a pointer into the tool's arguments. Anything else thrown (a fault of this server) is a tool error too, never a crash.
 * `checkedHere`: the error is the tool's own refusal of its arguments, whose paths already point into them.
 */
export function errorResult(tool: PiriodTool, error: unknown, checkedHere = false): ToolResult {
  if (!(error instanceof PiriodError))
    return failed({ error: "InternalError", message: `${tool.name} failed: ${(error as Error)?.message ?? error}` });
  const found: Record<string, unknown> = { error: error.name, message: error.message };
  if (error instanceof PiriodValidationError)
    found.field_errors = error.errors.map((issue) => ({
      path: checkedHere ? issue.path : argumentPath(tool, issue),
      message: issue.message,
    }));
  if (error instanceof PiriodApiError) {
    found.status = error.status;
    if (error.requestId !== null) found.request_id = error.requestId;
  }
  if (error instanceof PiriodBadRequestError) {
    found.field_errors = error.fieldErrors.map(
      ({ path, message }): FieldError => ({ path: tool.operation.body ? `/body${path}` : path, message }),
    );
    found.non_field_errors = error.nonFieldErrors;
  }
  return failed(found);
}

/**
 * `result` with every occurrence of `secret` replaced, wherever it stands, as written or as JSON escapes it: stricter than the client's
 * redaction of its errors, which spares words a short key is part of, since what a tool returns goes into an agent's context whole.
 */
export function withoutSecret(result: ToolResult, secret: string): ToolResult {
  const escaped = JSON.stringify(secret).slice(1, -1);
  const clean = (text: string) => text.split(secret).join("[redacted]").split(escaped).join("[redacted]");
  const structured = result.structuredContent && JSON.stringify(result.structuredContent);
  return {
    ...result,
    content: result.content.map((item) => ({ ...item, text: clean(item.text) })),
    ...(structured?.includes(escaped) ? { structuredContent: JSON.parse(clean(structured)) } : {}),
  };
}

/** Where an issue the client found lies in the tool's arguments: an id it refused at its own name, a body's issues under `/body`. */
function argumentPath(tool: PiriodTool, issue: ValidationIssue): string {
  if (issue.path === "" && tool.operation.pathParams.includes(issue.keyword)) return `/${issue.keyword}`;
  return tool.operation.body ? `/body${issue.path}` : issue.path;
}

function structured(value: Record<string, unknown>): ToolResult {
  return { content: [{ type: "text", text: JSON.stringify(value) }], structuredContent: value };
}

function failed(value: Record<string, unknown>): ToolResult {
  return { ...structured(value), isError: true };
}

/**
 * The two texts a console shows beside its form: the request as curl, written from the request the
 * client itself would send (so the two cannot disagree), and the TypeScript call that sends it.
 * Both address Piriod itself, with placeholders where the reader's own key and workspace go.
 */
import { argumentList, type CallArguments } from "./input.ts";
import type { ConsoleOperation } from "./model.ts";

export const API_KEY_PLACEHOLDER = "<api_token>";
export const WORKSPACE_PLACEHOLDER = "<workspace_id>";

/** A request as the client hands it to `fetch`. */
export interface SentRequest {
  method: string;
  url: string;
  /** Names in lower case, in the order `Headers` gives them. */
  headers: [string, string][];
  /** The body's text; absent for none. */
  body?: string;
}

/** The settings that change the TypeScript call's client. */
export interface ClientSettings {
  testMode: boolean;
  validateRequest: boolean;
}

/** `curl` sending `request`, one option a line, each value quoted for a POSIX shell. */
export function curlCommand(request: SentRequest): string {
  const lines = [
    request.method === "GET" ? "curl" : `curl --request ${request.method}`,
    `  ${shellQuoted(request.url)}`,
    ...request.headers.map(([name, value]) => `  --header ${shellQuoted(`${name}: ${value}`)}`),
    ...(request.body === undefined ? [] : [`  --data ${shellQuoted(readable(request.body))}`]),
  ];
  return lines.join(" \\\n");
}

/** A whole TypeScript module that makes the client and the call, as a reader would paste it. */
export function clientCall(operation: ConsoleOperation, args: CallArguments, settings: ClientSettings): string {
  const options = [
    `apiKey: process.env.PIRIOD_API_KEY ?? ""`,
    `workspace: ${JSON.stringify(WORKSPACE_PLACEHOLDER)}`,
    ...(settings.testMode ? ["testMode: true"] : []),
    ...(settings.validateRequest ? [] : ["validate: { request: false }"]),
  ];
  const call = `piriod.${operation.resource}.${operation.method}(${callArguments(argumentList(operation, args))})`;
  const { result } = operation;
  const lines =
    result === undefined
      ? [`await ${call};`]
      : result === "page"
        ? [`const page = await ${call};`, "console.log(page.count, page.items, page.hasNextPage());"]
        : [`const ${result} = await ${call};`, `console.log(${result});`];
  return [
    `import { createPiriodClient } from "@piriod/api";`,
    "",
    `const piriod = createPiriodClient({\n${options.map((option) => `  ${option},\n`).join("")}});`,
    "",
    ...lines,
    "",
  ].join("\n");
}

/** The call's arguments, separated by commas; a long object spreads over lines of its own. */
function callArguments(values: unknown[]): string {
  return values.map((value) => literal(value, "")).join(", ");
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `value` as a TypeScript literal: objects with their keys bare where they can be, on lines of their own when long. */
export function literal(value: unknown, indent: string): string {
  if (value === null || typeof value !== "object") return value === undefined ? "undefined" : JSON.stringify(value);
  const inner = `${indent}  `;
  const entries = Array.isArray(value)
    ? value.map((item) => literal(item, inner))
    : Object.entries(value).map(
        ([key, item]) => `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${literal(item, inner)}`,
      );
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return `${open}${close}`;
  const oneLine = Array.isArray(value) ? `[${entries.join(", ")}]` : `{ ${entries.join(", ")} }`;
  if (oneLine.length + indent.length <= 72 && !oneLine.includes("\n")) return oneLine;
  return `${open}\n${entries.map((entry) => `${inner}${entry},\n`).join("")}${indent}${close}`;
}

/** A JSON body indented for reading under the option that sends it; any other text as it is. */
function readable(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2).replaceAll("\n", "\n  ");
  } catch {
    return body;
  }
}

/** Single-quoted for a POSIX shell: a quote inside ends the quoting, is escaped, and quoting starts again. */
export function shellQuoted(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * An outcome as the reader sees it: the status and its meaning, a 400's errors by field, a list's
 * page with the way to the next, the headers and body, and what the client and the fake did on
 * the way (each attempt and retry, each request received).
 */
import { h } from "./dom.ts";
import type { Outcome, PageView } from "./session.ts";

// The reason phrases of RFC 9110 for the statuses the fake and Piriod answer with.
const REASONS: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** The nodes that show `outcome`; `nextPage` asks for the page after a list's. */
export function outcomeView(outcome: Outcome, nextPage: (page: PageView) => void): HTMLElement[] {
  const parts: (HTMLElement | false)[] = [];
  if (outcome.kind === "answer") {
    const good = outcome.status >= 200 && outcome.status < 300;
    parts.push(
      h(
        "p",
        { class: `pc-status ${good ? "pc-good" : "pc-bad"}`, "data-status": String(outcome.status) },
        h("strong", {}, String(outcome.status)),
        ` ${REASONS[outcome.status] ?? ""}`,
      ),
      outcome.page !== undefined && pageBar(outcome.page, nextPage),
      (outcome.fieldErrors?.length ?? 0) > 0 &&
        errorTable("Field errors (Piriod refused these fields)", outcome.fieldErrors ?? []),
      (outcome.nonFieldErrors?.length ?? 0) > 0 &&
        h(
          "ul",
          { class: "pc-errors" },
          (outcome.nonFieldErrors ?? []).map((message) => h("li", {}, message)),
        ),
      details(
        `Headers (${outcome.headers.length})`,
        h(
          "dl",
          {},
          outcome.headers.flatMap(([name, value]) => [h("dt", {}, name), h("dd", {}, value)]),
        ),
      ),
      h("h4", {}, "Body"),
      h("pre", { class: "pc-code pc-body-shown" }, outcome.body === undefined ? "(empty)" : shown(outcome.body)),
    );
  } else if (outcome.kind === "refused") {
    parts.push(
      h(
        "p",
        { class: "pc-status pc-bad", "data-status": "refused" },
        h("strong", {}, "Refused before sending"),
        ": nothing reached the fake.",
      ),
      outcome.errors.length > 0
        ? errorTable("Fields that break the schema", outcome.errors)
        : h("p", { class: "pc-message" }, outcome.message),
    );
  } else {
    parts.push(
      h(
        "p",
        { class: "pc-status pc-bad", "data-status": "failed" },
        h("strong", {}, "No answer"),
        ` (${outcome.name})`,
      ),
      h("p", { class: "pc-message" }, outcome.message),
    );
  }
  parts.push(
    details(
      `What the client did (${outcome.log.length})`,
      h(
        "ol",
        { class: "pc-log" },
        outcome.log.map((line) => h("li", {}, line)),
      ),
      true,
    ),
    details(
      `What the fake received (${outcome.received.length})`,
      h(
        "ol",
        { class: "pc-received" },
        outcome.received.map(({ method, target, status }) =>
          h("li", {}, `${method} ${target} → ${status === 0 ? "connection dropped" : status}`),
        ),
      ),
      outcome.received.length > 1,
    ),
  );
  return parts.filter((part): part is HTMLElement => part !== false);
}

function pageBar(page: PageView, nextPage: (page: PageView) => void): HTMLElement {
  const button = h("button", { type: "button", class: "pc-button", disabled: page.next === undefined }, "Next page");
  button.addEventListener("click", () => nextPage(page));
  return h(
    "p",
    { class: "pc-page" },
    `Page ${page.number}: ${page.items} ${page.items === 1 ? "item" : "items"} of ${page.count} in all${page.next ? "" : ", the last page"}. `,
    button,
  );
}

function errorTable(caption: string, errors: { path: string; message: string }[]): HTMLElement {
  return h(
    "table",
    { class: "pc-errors" },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Field"), h("th", { scope: "col" }, "Message"))),
    h(
      "tbody",
      {},
      errors.map(({ path, message }) =>
        h("tr", {}, h("td", {}, h("code", {}, path || "(the body)")), h("td", {}, message)),
      ),
    ),
  );
}

function details(summary: string, content: HTMLElement, open = false): HTMLElement {
  return h("details", { open }, h("summary", {}, summary), content);
}

function shown(body: unknown): string {
  return typeof body === "string" ? body : JSON.stringify(body, null, 2);
}

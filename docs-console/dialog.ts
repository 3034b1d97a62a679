/**
 * The console: one modal dialog for every operation, opened from an operation's "Try it" control
 * (or the introduction's), holding the settings every console shares (settings-view.ts), the
 * chosen operation's form with its curl and TypeScript texts, and its answer.
 */
import { outcomeView } from "./answer-view.ts";
import { h, show } from "./dom.ts";
import { BODY_ID, FormValuesByOperation, formFields } from "./form-view.ts";
import { type FormValues, readForm } from "./input.ts";
import type { ConsoleModel, ConsoleOperation } from "./model.ts";
import { clientCall, curlCommand } from "./request-text.ts";
import { FAULTS, type FaultName, type Outcome, type PageView, type Session } from "./session.ts";
import { settingsView } from "./settings-view.ts";

export interface ConsoleDialog {
  /** Shows the console of `key` (`customers.update`), or the last one shown; `opener` gets the focus back on closing. */
  open(key?: string, opener?: HTMLElement): void;
}

export function createConsoleDialog(session: Session, model: ConsoleModel): ConsoleDialog {
  const forms = new FormValuesByOperation(model);
  const answers = new Map<string, HTMLElement[]>();
  const first = model.operations[0];
  if (first === undefined) throw new Error("the spec has no operation to try");
  let current: ConsoleOperation = first;
  let opener: HTMLElement | undefined;

  const title = h("h2", { id: "pc-title" });
  const close = h("button", { type: "button", class: "pc-close", "aria-label": "Close the console" }, "×");
  const settings = settingsView(model, session.settings, () => void showTexts(), resetData);
  const { operation } = settings;
  const fields = h("div", { class: "pc-form-fields" });
  const bodyEditor = h("div", { class: "pc-body-editor" });
  const fault = h(
    "select",
    { id: "pc-fault" },
    Object.entries(FAULTS).map(([name, { label }]) => h("option", { value: name }, label)),
  );
  const send = h("button", { type: "submit", class: "pc-button pc-primary" }, "Send");
  const curl = h("pre", { class: "pc-code", id: "pc-curl" });
  const typescript = h("pre", { class: "pc-code", id: "pc-typescript" });
  const answer = h("div", { id: "pc-answer", "aria-live": "polite" });

  const form = h(
    "form",
    { class: "pc-request", novalidate: true, "aria-labelledby": "pc-request-title" },
    h("h3", { id: "pc-request-title" }, "Request"),
    fields,
    bodyEditor,
    h("div", { class: "pc-field" }, h("label", { for: "pc-fault" }, "The fake's next answer to this operation"), fault),
    h("div", { class: "pc-send" }, send),
    h("h4", {}, "As curl, to Piriod ", copyButton("Copy the curl command", curl)),
    curl,
    h("h4", {}, "As a call of the TypeScript client ", copyButton("Copy the TypeScript", typescript)),
    typescript,
  );
  const dialog = h(
    "dialog",
    { id: "piriod-console", class: "pc", "aria-labelledby": "pc-title", "aria-describedby": "pc-simulation" },
    h("header", { class: "pc-header" }, title, close),
    h(
      "p",
      { id: "pc-simulation", class: "pc-simulation" },
      h("strong", {}, "A simulation. "),
      "This console talks to a fake Piriod running in this page (",
      h("code", {}, "@piriod/api/testing"),
      ") through the ",
      h("code", {}, "@piriod/api"),
      " client: nothing is sent to Piriod or anywhere else, and the data lasts until the page is reloaded.",
    ),
    settings.fieldset,
    h(
      "div",
      { class: "pc-main" },
      form,
      h(
        "section",
        { class: "pc-answer", "aria-labelledby": "pc-answer-title" },
        h("h3", { id: "pc-answer-title" }, "Answer"),
        answer,
      ),
    ),
  );
  document.body.append(dialog);

  let textsShown = 0;
  /** The curl and TypeScript texts of the form as it stands: the curl from the request the client would send. */
  async function showTexts(): Promise<void> {
    const shown = ++textsShown;
    const read = readForm(current, forms.of(current));
    if (!read.ok) {
      const why = read.problems.map(({ field, message }) => `# ${field} ${message}`).join("\n");
      curl.textContent = why;
      typescript.textContent = why.replaceAll("#", "//");
      return;
    }
    typescript.textContent = clientCall(current, read.args, session.settings);
    const request = await session.preview(current, read.args);
    if (shown === textsShown) curl.textContent = "problem" in request ? `# ${request.problem}` : curlCommand(request);
  }

  function showOperation(chosen: ConsoleOperation): void {
    current = chosen;
    operation.value = chosen.key;
    show(
      title,
      "Try it: ",
      chosen.summary,
      " ",
      h(
        "span",
        { class: "pc-route" },
        h("span", { class: "pc-method" }, chosen.httpMethod),
        " ",
        h("code", {}, chosen.path),
      ),
    );
    const values = forms.of(chosen);
    show(fields, formFields(chosen, values, showTexts));
    show(bodyEditor, chosen.body ? bodyControls(chosen, values) : []);
    show(
      answer,
      answers.get(chosen.key) ?? [h("p", { class: "pc-empty" }, "Send the request to see the answer here.")],
    );
    void showTexts();
  }

  function bodyControls(chosen: ConsoleOperation, values: FormValues): HTMLElement[] {
    const editor = h("textarea", { id: BODY_ID, rows: "14", spellcheck: "false", "aria-describedby": "pc-body-help" });
    editor.value = values.body;
    editor.addEventListener("input", () => {
      values.body = editor.value;
      void showTexts();
    });
    // Ctrl+Enter (⌘+Enter) sends from the editor, where Enter starts a new line.
    editor.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) form.requestSubmit();
    });
    const example = h("button", { type: "button", class: "pc-button" }, "Back to the spec's example");
    example.addEventListener("click", () => {
      values.body = chosen.body?.example ?? "";
      editor.value = values.body;
      void showTexts();
    });
    const reader = model.operations.find((candidate) => candidate.key === chosen.fill?.from);
    const fill =
      chosen.fill &&
      h(
        "button",
        { type: "button", class: "pc-button" },
        `Fill from the current ${reader?.result ?? "object"} (${chosen.fill.converter})`,
      );
    fill?.addEventListener("click", () =>
      busy(fill, async () => {
        const read = readForm(chosen, values);
        if (!read.ok) return showOutcome(chosen, formRefusal(read.problems));
        const filled = await session.fill(chosen, read.args);
        if (filled.body !== undefined) {
          values.body = filled.body;
          editor.value = filled.body;
          void showTexts();
        }
        showOutcome(chosen, filled.outcome);
      }),
    );
    return [
      h("label", { for: BODY_ID }, "Body: ", h("code", {}, chosen.body?.schema ?? ""), ", as JSON"),
      editor,
      h("p", { id: "pc-body-help", class: "pc-help" }, "Starts as the spec's example. Ctrl+Enter sends."),
      h("div", { class: "pc-actions" }, example, fill),
    ];
  }

  function showOutcome(shownFor: ConsoleOperation, outcome: Outcome, notes: HTMLElement[] = []): void {
    const nodes = [...notes, ...outcomeView(outcome, (page) => nextPage(shownFor, page))];
    answers.set(shownFor.key, nodes);
    if (current !== shownFor) return;
    show(answer, nodes);
    // In a narrow window the answer is below the form, out of sight: bring its top into view.
    if (answer.getBoundingClientRect().top > window.innerHeight)
      answer.parentElement?.scrollIntoView({ block: "start" });
  }

  /** The page after `page`, as any call: one at a time, Send disabled meanwhile. */
  function nextPage(shownFor: ConsoleOperation, page: PageView): Promise<void> {
    const { next } = page;
    if (next === undefined) return Promise.resolve();
    return busy(send, async () => showOutcome(shownFor, await next()));
  }

  /** Runs `work` with `button` disabled and the answer marked busy, one call at a time. */
  async function busy(button: HTMLButtonElement, work: () => Promise<void>): Promise<void> {
    if (dialog.dataset.busy === "true") return;
    dialog.dataset.busy = "true";
    button.disabled = true;
    answer.setAttribute("aria-busy", "true");
    try {
      await work();
    } finally {
      button.disabled = false;
      answer.removeAttribute("aria-busy");
      delete dialog.dataset.busy;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = current;
    void busy(send, async () => {
      const read = readForm(chosen, forms.of(chosen));
      if (!read.ok) return showOutcome(chosen, formRefusal(read.problems));
      const outcome = await session.send(chosen, read.args, fault.value as FaultName);
      fault.value = "none";
      const notes: HTMLElement[] = [];
      if (outcome.kind === "answer" && outcome.created !== undefined) {
        forms.useId(chosen.resource, outcome.created);
        notes.push(
          h("p", { class: "pc-note" }, `The other ${chosen.resource} consoles now use its id, ${outcome.created}.`),
        );
      }
      showOutcome(chosen, outcome, notes);
    });
  });
  operation.addEventListener("change", () => {
    const chosen = model.operations.find((candidate) => candidate.key === operation.value);
    if (chosen) showOperation(chosen);
  });
  function resetData(): void {
    session.reset();
    forms.clear();
    answers.clear();
    showOperation(current);
    show(answer, h("p", { class: "pc-note" }, "Every change is undone: the fake holds the spec's examples again."));
  }

  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => opener?.focus());

  return {
    open(key, from) {
      opener = from;
      showOperation(model.operations.find((candidate) => candidate.key === key) ?? current);
      if (!dialog.open) dialog.showModal();
      (dialog.querySelector<HTMLElement>(".pc-form-fields input, .pc-form-fields select, textarea") ?? send).focus();
    },
  };
}

/** The form's own problems (no id, a body that is not JSON), shown as a refusal: nothing was sent. */
function formRefusal(problems: { field: string; message: string }[]): Outcome {
  return {
    kind: "refused",
    message: "The form cannot be sent as it is.",
    errors: problems.map(({ field, message }) => ({ path: field, message: `${field} ${message}` })),
    log: [],
    received: [],
  };
}

function copyButton(label: string, source: HTMLElement): HTMLButtonElement {
  const button = h("button", { type: "button", class: "pc-button pc-small", "aria-label": label }, "Copy");
  button.addEventListener("click", () => {
    navigator.clipboard.writeText(source.textContent ?? "").then(
      () => {
        button.textContent = "Copied";
      },
      () => {
        button.textContent = "Select and copy";
      },
    );
  });
  return button;
}

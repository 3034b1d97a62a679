/**
 * What every console shares, at the top of the dialog: the operation shown, and the session's
 * settings (workspace, test mode, body checks) with the reset of its data.
 */
import { h } from "./dom.ts";
import type { ConsoleModel } from "./model.ts";
import type { Settings } from "./session.ts";

export interface SettingsView {
  fieldset: HTMLFieldSetElement;
  /** The menu of operations, grouped by tag; its value is the operation's key. */
  operation: HTMLSelectElement;
}

/** The settings' controls, bound to `settings`; `changed` runs after each change, `reset` on the reset button. */
export function settingsView(
  model: ConsoleModel,
  settings: Settings,
  changed: () => void,
  reset: () => void,
): SettingsView {
  const tags = [...new Set(model.operations.map(({ tag }) => tag))];
  const operation = h(
    "select",
    { id: "pc-operation" },
    tags.map((tag) =>
      h(
        "optgroup",
        { label: tag },
        model.operations
          .filter((candidate) => candidate.tag === tag)
          .map(({ key, summary, httpMethod, path }) =>
            h("option", { value: key }, `${summary}: ${httpMethod} ${path}`),
          ),
      ),
    ),
  );
  const workspace = h("input", { id: "pc-workspace", type: "text", spellcheck: "false", autocomplete: "off" });
  workspace.value = settings.workspace;
  workspace.addEventListener("input", () => {
    settings.workspace = workspace.value;
    changed();
  });
  const checkbox = (id: string, checked: boolean, set: (checked: boolean) => void) => {
    const box = h("input", { id, type: "checkbox", checked });
    box.addEventListener("change", () => {
      set(box.checked);
      changed();
    });
    return box;
  };
  const resetButton = h("button", { type: "button", class: "pc-button", id: "pc-reset" }, "Reset data");
  resetButton.addEventListener("click", reset);
  const labelled = (id: string, text: string, header: string) =>
    h("label", { for: id }, `${text} (`, h("code", {}, header), ")");
  const fieldset = h(
    "fieldset",
    { class: "pc-settings" },
    h("legend", {}, "Shared by every console"),
    h("div", { class: "pc-field" }, h("label", { for: "pc-operation" }, "Operation"), operation),
    h("div", { class: "pc-field" }, labelled("pc-workspace", "Workspace", "x-simple-workspace"), workspace),
    h(
      "div",
      { class: "pc-check" },
      checkbox("pc-test-mode", settings.testMode, (checked) => {
        settings.testMode = checked;
      }),
      labelled("pc-test-mode", "Test mode", "x-piriod-test-mode"),
    ),
    h(
      "div",
      { class: "pc-check" },
      checkbox("pc-validate", settings.validateRequest, (checked) => {
        settings.validateRequest = checked;
      }),
      labelled("pc-validate", "Check bodies before sending", "validate.request"),
    ),
    resetButton,
  );
  return { fieldset, operation };
}

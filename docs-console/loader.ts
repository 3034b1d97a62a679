/**
 * The page's inline script: on the first click of a "Try it" control it imports the console module,
 * which the page holds as text, from a `blob:` URL (the page's policy allows scripts inline and from
 * `blob:` only, and Chromium refuses module scripts from `file://`), then opens the console asked for.
 */
import type { ConsoleDialog } from "./main.ts";
import { MODULE_ELEMENT_ID, TRY_ATTRIBUTE } from "./page-ids.ts";

let started: Promise<ConsoleDialog> | undefined;

function start(): Promise<ConsoleDialog> {
  started ??= (async () => {
    const source = document.getElementById(MODULE_ELEMENT_ID)?.textContent ?? "";
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    try {
      return ((await import(url)) as { dialog: ConsoleDialog }).dialog;
    } finally {
      URL.revokeObjectURL(url);
    }
  })();
  // A failed start may be tried again by the next click.
  started.catch(() => {
    started = undefined;
  });
  return started;
}

// Captured before the docs' own handlers, which may stop a click inside their content.
document.addEventListener(
  "click",
  (event) => {
    const control = event.target instanceof Element ? event.target.closest(`[${TRY_ATTRIBUTE}]`) : null;
    if (!(control instanceof HTMLElement)) return;
    event.preventDefault();
    control.setAttribute("aria-busy", "true");
    start()
      .then((console) => console.open(control.getAttribute(TRY_ATTRIBUTE) || undefined, control))
      .catch((error: unknown) => globalThis.console.error("The console could not start:", error))
      .finally(() => control.removeAttribute("aria-busy"));
  },
  true,
);

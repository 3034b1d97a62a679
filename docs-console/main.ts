/**
 * The console module the docs page embeds as text and imports from a `blob:` URL when a reader
 * first opens a console: the package as built is handed in by the entry scripts/build-docs.ts
 * writes, with the model read from the spec.
 */
import { type ConsoleDialog, createConsoleDialog } from "./dialog.ts";
import type { ConsoleModel } from "./model.ts";
import { type ConsolePackage, createSession } from "./session.ts";

export type { ConsoleDialog } from "./dialog.ts";

export function startConsole(pkg: ConsolePackage, model: ConsoleModel): ConsoleDialog {
  return createConsoleDialog(createSession(pkg, model), model);
}

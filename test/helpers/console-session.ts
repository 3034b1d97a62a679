import { type ConsoleModel, type ConsoleOperation, consoleModel } from "../../docs-console/model.ts";
import { createSession, type Session } from "../../docs-console/session.ts";
import { operations } from "../../generated/operations.js";
import * as piriod from "../../src/index.ts";
import { createPiriodFake } from "../../src/testing/index.ts";
import { defined } from "./defined.ts";
import { bundledSpec } from "./spec-examples.ts";

/** The consoles' model of the bundled spec and the operation table generated from it. */
export const model: ConsoleModel = consoleModel(bundledSpec, operations);

/** The console of a client method (`customers.update`). */
export const consoleOf = (key: string): ConsoleOperation =>
  defined(
    model.operations.find((operation) => operation.key === key),
    `the console of ${key}`,
  );

/** A reader's visit, run in Node on the package's source: the fake of src/testing/ and the client of src/. */
export const newSession = (): Session => createSession({ piriod, createPiriodFake }, model);

import { inspect } from "node:util";
import { expect } from "vitest";
import { API_KEY } from "./client-fixtures.ts";

/** Every way an error (or any value) is commonly shown or shipped, as text. */
export function renderings(value: unknown): Record<string, string> {
  const error = value as Partial<Error>;
  return {
    message: String(error?.message),
    stack: String(error?.stack),
    toJSON: JSON.stringify(value) ?? "",
    inspect: inspect(value, { depth: Infinity, showHidden: true }),
    string: String(value),
  };
}

/** Fails when the API key shows up in any rendering of `value`. */
export function expectNoApiKey(value: unknown): void {
  for (const [how, text] of Object.entries(renderings(value))) expect(text, how).not.toContain(API_KEY);
}

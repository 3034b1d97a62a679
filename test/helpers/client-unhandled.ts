import { afterEach, beforeEach, expect } from "vitest";

/**
 * Fails each test of the file that leaves a promise rejection nobody handled: an abandoned attempt,
 * a retry wait, a derived promise. Checked a little after the test, once late failures had time to surface.
 */
export function expectNoUnhandledRejections(): void {
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on("unhandledRejection", record);
  });
  afterEach(async () => {
    await new Promise((resolve) => setTimeout(resolve, 30));
    process.off("unhandledRejection", record);
    expect(unhandled, "unhandled rejections").toEqual([]);
  });
}

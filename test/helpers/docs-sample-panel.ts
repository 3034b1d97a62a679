import type { Locator, Page } from "playwright-core";

/**
 * The panel beside an operation, and its menu of request example and code samples. The menu's
 * button is named after the entry shown; the menu itself opens outside the panel, at the page's end.
 */
export class SamplePanel {
  constructor(
    private readonly page: Page,
    readonly locator: Locator,
    /** The entries the menu is expected to offer: what the chosen entry is looked for among. */
    private readonly menu: string[],
  ) {}

  /** The entry the panel shows. */
  async chosen(): Promise<string> {
    const chosen = (await this.locator.getByRole("button").allInnerTexts()).filter((name) => this.menu.includes(name));
    const [entry] = chosen;
    if (chosen.length !== 1 || entry === undefined)
      throw new Error(
        `the sample panel should name one of ${this.menu.join(", ")} as chosen, not ${JSON.stringify(chosen)}`,
      );
    return entry;
  }

  /** Opens the menu and picks `choice`; returns what the menu offered. */
  async choose(choice: string): Promise<string[]> {
    await this.locator.getByRole("button", { name: await this.chosen(), exact: true }).click();
    const open = this.page.getByTestId("dropdown-menu").filter({ visible: true });
    const offered = await open.getByRole("menuitem").allInnerTexts();
    await open.getByRole("menuitem", { name: choice, exact: true }).click();
    return offered;
  }

  /** Runs `check` with `choice` shown, then puts the panel back as it was, for the checks after it. */
  async showing<T>(choice: string, check: () => Promise<T>): Promise<T> {
    const before = await this.chosen();
    await this.choose(choice);
    try {
      return await check();
    } finally {
      await this.choose(before);
    }
  }
}

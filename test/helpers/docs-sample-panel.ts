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
    // With one entry there is nothing to choose: Redoc names it as a label, with no menu.
    const [only, ...others] = this.menu;
    if (only !== undefined && others.length === 0) {
      const buttons = await this.locator.getByRole("button").allInnerTexts();
      const labels = await this.locator.getByText(only, { exact: true }).count();
      if (buttons.includes(only) || labels !== 1)
        throw new Error(
          `the sample panel should name ${only} once, with no menu (buttons: ${JSON.stringify(buttons)})`,
        );
      return only;
    }
    const chosen = (await this.locator.getByRole("button").allInnerTexts()).filter((name) => this.menu.includes(name));
    const [entry] = chosen;
    if (chosen.length !== 1 || entry === undefined)
      throw new Error(
        `the sample panel should name one of ${this.menu.join(", ")} as chosen, not ${JSON.stringify(chosen)}`,
      );
    return entry;
  }

  /** Opens the menu and picks `choice`; returns what the menu offered (the one entry, when there is no menu). */
  async choose(choice: string): Promise<string[]> {
    if (this.menu.length === 1 && (await this.chosen()) === choice) return [choice];
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

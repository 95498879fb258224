/** The command palette (F1): runs a command by its title, or opens a file, as a user would. */
import type { Page } from 'playwright-core';
import { INNER_WAIT_MS, type QuickInput } from './quickInput';
import type { Steps } from './steps';

/** How long one palette attempt waits for its row before closing and reopening the palette. */
const ATTEMPT_MS = 5_000;

/** Page object for the command palette. */
export class CommandPalette {
  constructor(private readonly page: Page, private readonly steps: Steps, private readonly quickInput: QuickInput) {}

  /**
   * Opens the palette, types `text` and clicks the row labelled `label`. The palette's list is
   * computed when it opens, so a command contributed by an extension that is still loading is
   * found by closing and reopening it until INNER_WAIT_MS passes.
   */
  private async choose(text: string, label: string): Promise<void> {
    const deadline = Date.now() + INNER_WAIT_MS;
    for (;;) {
      await this.page.keyboard.press('F1');
      await this.quickInput.waitOpen();
      await this.quickInput.input.fill(text);
      try {
        await this.quickInput.waitForRow(label, ATTEMPT_MS);
        await this.quickInput.clickRow(label);
        await this.quickInput.waitUntilTextIsNot(text);
        return;
      } catch (error) {
        if (Date.now() + ATTEMPT_MS > deadline) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /**
   * Runs the command whose palette title is `title` (with its category, e.g.
   * "Switchboard: Show Logs"). If the command opens a quick pick or input box, answer it next
   * with `workbench.quickInput`.
   */
  async run(title: string): Promise<void> {
    await this.steps.run(`command palette: run "${title}"`, () => this.choose(`>${title}`, title));
  }

  /** Opens a workspace file by its path relative to the workspace folder (Quick Open). */
  async openFile(relativePath: string): Promise<void> {
    const name = relativePath.split('/').pop() ?? relativePath;
    await this.steps.run(`open the file ${relativePath}`, async () => {
      await this.choose(relativePath, name);
      await this.page.locator(`.tabs-container .tab[aria-label^="${name.replace(/"/g, '\\"')}"]`).first().waitFor({ timeout: INNER_WAIT_MS });
    });
  }
}

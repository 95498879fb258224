/** Modal dialogs (e.g. the workspace trust prompt, `showWarningMessage(..., { modal: true })`). */
import type { Page } from 'playwright-core';
import { INNER_WAIT_MS } from './quickInput';
import type { Steps } from './steps';
import { exactly, normalizeSpace } from './text';

/** What a modal dialog shows. */
export interface DialogInfo {
  message: string;
  detail: string;
  buttons: string[];
}

/** Page object for modal dialogs. */
export class Dialogs {
  constructor(private readonly page: Page, private readonly steps: Steps) {}

  private get box() {
    return this.page.locator('.monaco-dialog-box');
  }

  /** Waits for a modal dialog and returns its text and buttons. */
  async waitFor(timeoutMs = INNER_WAIT_MS): Promise<DialogInfo> {
    return this.steps.run('a modal dialog', async () => {
      await this.box.waitFor({ state: 'visible', timeout: timeoutMs });
      const message = normalizeSpace((await this.box.locator('.dialog-message-text').first().textContent()) ?? '');
      const detail = normalizeSpace((await this.box.locator('.dialog-message-detail').first().textContent().catch(() => '')) ?? '');
      const buttons = (await this.box.locator('.dialog-buttons .monaco-button').allTextContents()).map(normalizeSpace);
      return { message, detail, buttons };
    });
  }

  /** Clicks `button` in the open modal dialog and waits for it to close. */
  async click(button: string): Promise<void> {
    await this.steps.run(`modal dialog: click "${button}"`, async () => {
      await this.box.locator('.dialog-buttons .monaco-button', { hasText: exactly(button) }).first().click({ timeout: INNER_WAIT_MS });
      await this.box.waitFor({ state: 'hidden', timeout: INNER_WAIT_MS });
    });
  }
}

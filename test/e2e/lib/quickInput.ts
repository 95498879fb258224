/**
 * The quick input widget: the command palette, quick picks (`showQuickPick`) and input boxes
 * (`showInputBox`) all render in it.
 */
import type { Locator, Page } from 'playwright-core';
import { STEP_TIMEOUT_MS, type Steps } from './steps';
import { matches, normalizeSpace, pollUntil } from './text';

/** One visible row of a quick pick. */
export interface QuickPickRow {
  label: string;
  description: string;
  detail: string;
}

/** Inner waits end before the step's own bound so their messages (with what was seen) win. */
export const INNER_WAIT_MS = STEP_TIMEOUT_MS - 5_000;

/** How long `answer` waits for an input box to take its value before returning anyway. */
const ACCEPT_MS = 2_000;

/** Page object for the quick input widget. */
export class QuickInput {
  constructor(private readonly page: Page, private readonly steps: Steps) {}

  /** The widget itself (visible while a pick or input box is open). */
  get widget(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** The text box at the top of the widget. */
  get input(): Locator {
    return this.widget.locator('.quick-input-box input');
  }

  /** Waits until the widget is open. */
  async waitOpen(timeoutMs = INNER_WAIT_MS): Promise<void> {
    await this.input.waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /** Whether the widget is open now. */
  async isOpen(): Promise<boolean> {
    return this.input.isVisible();
  }

  /** Reads the rows currently rendered (the list is virtualised: filter first for long lists). */
  async rows(): Promise<QuickPickRow[]> {
    return this.widget.locator('.quick-input-list .monaco-list-row').evaluateAll((rows) =>
      rows.map((row) => ({
        label: row.querySelector('.label-name')?.textContent ?? '',
        description: row.querySelector('.label-description')?.textContent ?? '',
        detail: row.querySelector('.quick-input-list-detail, .monaco-icon-label-container + .quick-input-list-label-meta')?.textContent ?? '',
      })),
    ).then((list) => list.map((r) => ({ label: normalizeSpace(r.label), description: normalizeSpace(r.description), detail: normalizeSpace(r.detail) })));
  }

  /** The prompt, validation or info message under the text box ('' when none). */
  async message(): Promise<string> {
    const message = this.widget.locator('.quick-input-message');
    return (await message.isVisible()) ? normalizeSpace(await message.innerText()) : '';
  }

  /** The text box's placeholder. */
  async placeholder(): Promise<string> {
    return (await this.input.getAttribute('placeholder')) ?? '';
  }

  /** Waits for a pick to show a row with `label` and returns all visible rows. */
  async waitForRow(label: string | RegExp, timeoutMs = INNER_WAIT_MS): Promise<QuickPickRow[]> {
    return pollUntil(() => this.rows(), (rows) => rows.some((r) => matches(r.label, label)), timeoutMs, `a quick pick row labelled ${label}`, (rows) => rows.map((r) => r.label).join(' | '));
  }

  /**
   * Waits until the widget no longer holds `text`: it closed, or a new pick or input box replaced
   * it. Typing into the widget before that would go to the old pick.
   */
  async waitUntilTextIsNot(text: string, timeoutMs = INNER_WAIT_MS): Promise<void> {
    const current = async () => ((await this.isOpen()) ? await this.input.inputValue().catch(() => '') : undefined);
    await pollUntil(current, (value) => value !== text, timeoutMs, `the quick input to accept "${text}"`, (value) => String(value));
  }

  /** Clicks the row labelled `label` once it shows (no step of its own: for other page objects). */
  async clickRow(label: string | RegExp): Promise<void> {
    const rows = await this.waitForRow(label);
    const index = rows.findIndex((r) => matches(r.label, label));
    await this.widget.locator('.quick-input-list .monaco-list-row').nth(index).click();
  }

  /**
   * Picks the item labelled `label` in the open quick pick. With `filter` (default true for a
   * string label) types it into the box first, so items outside the rendered rows are found.
   */
  async pick(label: string | RegExp, { filter = typeof label === 'string' } = {}): Promise<void> {
    await this.steps.run(`quick pick: choose "${label}"`, async () => {
      await this.waitOpen();
      // Type only once the pick has its items, so the filter is not lost while it loads.
      await pollUntil(() => this.rows(), (rows) => rows.length > 0, INNER_WAIT_MS, 'the quick pick to list its items', () => '(no items)');
      if (filter && typeof label === 'string') await this.input.fill(label);
      await this.clickRow(label);
      await this.waitUntilTextIsNot(filter && typeof label === 'string' ? label : '\u0000');
    });
  }

  /**
   * Types `value` into the open input box and presses Enter. With `expectClose` it fails unless
   * the box closes; otherwise it waits up to 2 s for the box to close or be replaced (a box that
   * stays open, e.g. on a validation error, can then be read with `message()`).
   */
  async answer(value: string, { expectClose = false } = {}): Promise<void> {
    await this.steps.run(`input box: answer "${value}"`, async () => {
      await this.waitOpen();
      await this.input.fill(value);
      await this.input.press('Enter');
      if (expectClose) await this.widget.waitFor({ state: 'hidden', timeout: INNER_WAIT_MS });
      // Let the box close or be replaced; a box kept open (validation error) keeps the value.
      else await this.waitUntilTextIsNot(value, ACCEPT_MS).catch(() => undefined);
    });
  }

  /** Closes the widget with Escape. */
  async cancel(): Promise<void> {
    await this.steps.run('quick input: cancel (Escape)', async () => {
      await this.input.press('Escape');
      await this.widget.waitFor({ state: 'hidden', timeout: INNER_WAIT_MS });
    });
  }
}

/**
 * The Output panel: show a channel by name and read its text. Only the lines the editor has
 * rendered are readable (log channels scroll to the end, so the newest lines are there).
 */
import type { Page } from 'playwright-core';
import type { CommandPalette } from './palette';
import type { QuickInput } from './quickInput';
import { INNER_WAIT_MS } from './quickInput';
import type { Steps } from './steps';
import { pollUntil } from './text';

/** How long `show` gives a channel that is being opened to appear before choosing it itself. */
const ALREADY_SHOWN_MS = 3_000;

/** Page object for the Output panel. */
export class Output {
  constructor(
    private readonly page: Page,
    private readonly steps: Steps,
    private readonly palette: CommandPalette,
    private readonly quickInput: QuickInput,
  ) {}

  private view(channel: string) {
    return this.page.locator(`.output-view[aria-label="${channel.replace(/"/g, '\\"')} - Output"]`);
  }

  /** Shows the channel `channel` (no-op when it is already shown). */
  async show(channel: string): Promise<void> {
    // A command that shows its channel (like "Switchboard: Show Logs") may still be opening it.
    const alreadyShown = await this.view(channel).waitFor({ state: 'visible', timeout: ALREADY_SHOWN_MS }).then(() => true, () => false);
    if (alreadyShown) return;
    await this.palette.run('Output: Show Output Channels...');
    await this.quickInput.pick(channel);
    await this.steps.run(`the Output panel shows the "${channel}" channel`, () => this.view(channel).waitFor({ state: 'visible', timeout: INNER_WAIT_MS }), { screenshot: false });
  }

  /** The rendered text of the shown channel, lines in order. */
  async text(channel: string): Promise<string> {
    const lines = await this.view(channel).locator('.view-lines .view-line').evaluateAll((all) =>
      all
        .map((line) => ({ top: parseFloat((line as HTMLElement).style.top || '0'), text: line.textContent ?? '' }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text),
    );
    return lines.join('\n').replace(/\u00a0/g, ' ');
  }

  /** Shows `channel` and waits until its text contains `expected` (or matches it); returns the text. */
  async waitFor(channel: string, expected: string | RegExp, timeoutMs = INNER_WAIT_MS): Promise<string> {
    await this.show(channel);
    const accept = (text: string) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text));
    return this.steps.run(`the "${channel}" output channel shows ${expected}`, () =>
      pollUntil(() => this.text(channel), accept, timeoutMs, `${expected} in the "${channel}" output`, (text) => text || '(empty)'),
    );
  }
}

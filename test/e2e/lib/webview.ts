/**
 * Webviews render in nested iframes (an outer host frame, an inner `active-frame`). These
 * helpers walk `page.frames()` to find the frame whose document contains a selector.
 */
import type { Frame, Page } from 'playwright-core';
import { INNER_WAIT_MS } from './quickInput';
import type { Steps } from './steps';

/** Page object for webviews (webview views and panels alike). */
export class Webviews {
  constructor(private readonly page: Page, private readonly steps: Steps) {}

  private async search(selector: string): Promise<Frame | undefined> {
    for (const frame of this.page.frames()) {
      if (frame === this.page.mainFrame() || frame.isDetached()) continue;
      try {
        if ((await frame.$(selector)) !== null) return frame;
      } catch {
        // The frame navigated or detached while we looked: try the next one.
      }
    }
    return undefined;
  }

  /** Waits for a webview frame containing `selector` (e.g. '#ping' or '[data-testid=chat-input]') and returns it. */
  async frameWith(selector: string, timeoutMs = INNER_WAIT_MS): Promise<Frame> {
    return this.steps.run(`a webview containing ${selector}`, async () => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const frame = await this.search(selector);
        if (frame) return frame;
        if (Date.now() > deadline) {
          const urls = this.page.frames().map((f) => f.url().split('?')[0]).filter((u) => u && u !== 'about:blank');
          throw new Error(`no frame contains ${selector} after ${timeoutMs} ms; frames: ${urls.join(' | ') || '(none)'}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    });
  }

  /** Clicks `selector` inside the webview that contains it. */
  async click(selector: string): Promise<void> {
    const frame = await this.frameWith(selector);
    await this.steps.run(`click ${selector} in the webview`, () => frame.locator(selector).first().click());
  }

  /** Waits until `selector` in a webview has text matching `expected` (a string matches as a substring); returns the text. */
  async waitForText(selector: string, expected: string | RegExp, timeoutMs = INNER_WAIT_MS): Promise<string> {
    const frame = await this.frameWith(selector);
    return this.steps.run(`webview ${selector} to show ${expected}`, async () => {
      const locator = frame.locator(selector).first();
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const text = (await locator.textContent()) ?? '';
        if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return text;
        if (Date.now() > deadline) throw new Error(`${selector} shows "${text.slice(0, 300)}", not ${expected}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    });
  }
}

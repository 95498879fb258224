/** The status bar: read item texts (with `$(icon)` names as written in the API) and click items. */
import type { Page } from 'playwright-core';
import { INNER_WAIT_MS } from './quickInput';
import type { Steps } from './steps';
import { normalizeSpace, pollUntil } from './text';

/** One status bar item. */
export interface StatusBarItemInfo {
  /** Element id: `<publisher>.<name>.<item id>` for extension items, e.g. `status.problems` for built-ins. */
  id: string;
  /** Text as the API sets it, icons written as `$(name)`, e.g. "$(beaker) Fixture idle". */
  text: string;
  ariaLabel: string;
}

/** Page object for the status bar. */
export class StatusBar {
  constructor(private readonly page: Page, private readonly steps: Steps) {}

  /** All visible items, left to right. */
  async items(): Promise<StatusBarItemInfo[]> {
    const raw = await this.page.locator('.part.statusbar .statusbar-item').evaluateAll((items) =>
      items
        .filter((item) => (item as HTMLElement).offsetParent !== null)
        .map((item) => {
          const label = item.querySelector('.statusbar-item-label');
          const text = [...(label?.childNodes ?? [])]
            .map((node) => {
              const icon = node instanceof Element ? [...node.classList].find((c) => c.startsWith('codicon-') && c !== 'codicon-modifier-spin') : undefined;
              return icon ? `$(${icon.slice('codicon-'.length)})` : (node.textContent ?? '');
            })
            .join('');
          return { id: item.id, text, ariaLabel: item.getAttribute('aria-label') ?? '' };
        }),
    );
    return raw.map((r) => ({ ...r, text: normalizeSpace(r.text) }));
  }

  /** Waits for an item whose text matches (a string matches as a substring) and returns it. */
  async waitFor(text: string | RegExp, timeoutMs = INNER_WAIT_MS): Promise<StatusBarItemInfo> {
    const accept = (i: StatusBarItemInfo) => (typeof text === 'string' ? i.text.includes(text) : text.test(i.text));
    return this.steps.run(`a status bar item showing ${text}`, async () => {
      const items = await pollUntil(() => this.items(), (all) => all.some(accept), timeoutMs, `a status bar item matching ${text}`, (all) => all.map((i) => i.text).join(' | '));
      return items.find(accept) as StatusBarItemInfo;
    });
  }

  /** Clicks the item whose text matches (a string matches as a substring). */
  async click(text: string | RegExp): Promise<void> {
    const item = await this.waitFor(text);
    await this.steps.run(`click the status bar item "${item.text}"`, async () => {
      await this.page.locator(`.part.statusbar .statusbar-item[id="${item.id}"] .statusbar-item-label`).first().click();
    });
  }
}

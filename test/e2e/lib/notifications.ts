/** Notification toasts (bottom right): read their text, severity and buttons; click a button. */
import type { Locator, Page } from 'playwright-core';
import type { CommandPalette } from './palette';
import { INNER_WAIT_MS } from './quickInput';
import type { Steps } from './steps';
import { exactly, matches, normalizeSpace, pollUntil } from './text';

/** One notification as a user sees it. */
export interface NotificationInfo {
  message: string;
  severity: 'error' | 'warning' | 'info';
  buttons: string[];
  /** The extension or source shown under the message, without "Source: " ('' when none, or when collapsed in the center). */
  source: string;
}

const ITEM = '.notifications-toasts .notification-list-item, .notifications-center .notification-list-item';

/** When a wanted notification is not among the toasts after this long, look in the center. */
const CENTER_AFTER_MS = 3_000;

function textMatches(text: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? text.includes(expected) : matches(text, expected);
}

/** Page object for notifications. */
export class Notifications {
  constructor(private readonly page: Page, private readonly steps: Steps, private readonly palette: CommandPalette) {}

  private items(): Locator {
    return this.page.locator(ITEM);
  }

  /** The notifications visible now (toasts, plus the notification center when it is open). */
  async list(): Promise<NotificationInfo[]> {
    const raw = await this.items().evaluateAll((items) =>
      items.map((item) => {
        const icon = item.querySelector('.notification-list-item-icon')?.className ?? '';
        return {
          message: item.querySelector('.notification-list-item-message')?.textContent ?? '',
          severity: icon.includes('error') ? 'error' : icon.includes('warning') ? 'warning' : 'info',
          buttons: [...item.querySelectorAll('.notification-list-item-buttons-container .monaco-button')].map((b) => b.textContent ?? ''),
          source: item.querySelector('.notification-list-item-source')?.textContent ?? '',
        };
      }),
    );
    return raw.map((n) => ({
      message: normalizeSpace(n.message),
      severity: n.severity as NotificationInfo['severity'],
      buttons: n.buttons.map(normalizeSpace).filter(Boolean),
      source: normalizeSpace(n.source).replace(/^Source:\s*/, ''),
    }));
  }

  /**
   * Opens the notification center, which keeps every notification after its toast has hidden
   * itself (info toasts hide after about 10 s).
   */
  async openCenter(): Promise<void> {
    if (await this.page.locator('.notifications-center').isVisible()) return;
    await this.palette.run('Notifications: Show Notifications');
  }

  private async find(accept: (n: NotificationInfo) => boolean, what: string, timeoutMs: number): Promise<NotificationInfo> {
    const started = Date.now();
    let centerOpened = false;
    const read = async () => {
      const list = await this.list();
      if (!list.some(accept) && !centerOpened && Date.now() - started > CENTER_AFTER_MS) {
        centerOpened = true;
        await this.openCenter();
        return this.list();
      }
      return list;
    };
    const all = await pollUntil(read, (list) => list.some(accept), timeoutMs, what, (list) => list.map((n) => `${n.message} [${n.buttons.join(', ')}]`).join(' | ') || '(no notifications)');
    return all.find(accept) as NotificationInfo;
  }

  /** Waits for a notification whose message matches (a string matches as a substring). */
  async waitFor(message: string | RegExp, timeoutMs = INNER_WAIT_MS): Promise<NotificationInfo> {
    return this.steps.run(`a notification saying ${message}`, () => this.find((n) => textMatches(n.message, message), `a notification matching ${message}`, timeoutMs));
  }

  /** Clicks `button` on the notification whose message matches (a string matches as a substring). */
  async click(message: string | RegExp, button: string): Promise<void> {
    await this.steps.run(`notification ${message}: click "${button}"`, async () => {
      await this.find((n) => textMatches(n.message, message) && n.buttons.includes(button), `a notification matching ${message} with a "${button}" button`, INNER_WAIT_MS);
      const item = this.items().filter({ has: this.page.locator('.notification-list-item-message', { hasText: message }) }).first();
      await item.locator('.notification-list-item-buttons-container .monaco-button', { hasText: exactly(button) }).first().click();
    });
  }
}

/** Notification toasts (bottom right): read their text, severity and buttons; click a button. */
import type { Locator, Page } from 'playwright-core';
import { INNER_WAIT_MS } from './quickInput';
import type { Steps } from './steps';
import { exactly, matches, normalizeSpace, pollUntil } from './text';

/** One notification as a user sees it. */
export interface NotificationInfo {
  message: string;
  severity: 'error' | 'warning' | 'info';
  buttons: string[];
  /** The extension or source shown under the message, without "Source: " ('' when none). */
  source: string;
}

const ITEM = '.notifications-toasts .notification-list-item, .notifications-center .notification-list-item';

/** Page object for notifications. */
export class Notifications {
  constructor(private readonly page: Page, private readonly steps: Steps) {}

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

  /** Waits for a notification whose message matches (a string matches as a substring). */
  async waitFor(message: string | RegExp, timeoutMs = INNER_WAIT_MS): Promise<NotificationInfo> {
    const accept = (n: NotificationInfo) => (typeof message === 'string' ? n.message.includes(message) : matches(n.message, message));
    return this.steps.run(`a notification saying ${message}`, async () => {
      const all = await pollUntil(() => this.list(), (list) => list.some(accept), timeoutMs, `a notification matching ${message}`, (list) => list.map((n) => n.message).join(' | ') || '(no notifications)');
      return all.find(accept) as NotificationInfo;
    });
  }

  /** Clicks `button` on the notification whose message matches. */
  async click(message: string | RegExp, button: string): Promise<void> {
    await this.steps.run(`notification ${message}: click "${button}"`, async () => {
      const accept = (text: string) => (typeof message === 'string' ? text.includes(message) : message.test(text));
      await pollUntil(() => this.list(), (list) => list.some((n) => accept(n.message) && n.buttons.includes(button)), INNER_WAIT_MS, `a notification matching ${message} with a "${button}" button`, (list) => JSON.stringify(list));
      const item = this.items().filter({ has: this.page.locator('.notification-list-item-message', { hasText: message }) }).first();
      await item.locator('.notification-list-item-buttons-container .monaco-button', { hasText: exactly(button) }).first().click();
    });
  }
}

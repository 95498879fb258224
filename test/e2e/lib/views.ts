/**
 * Views: open a view container by its activity-bar title, read a view's tree items or welcome
 * text by the view's name, and click a tree item.
 */
import type { Locator, Page } from 'playwright-core';
import { INNER_WAIT_MS } from './quickInput';
import type { Steps } from './steps';
import { escapeRegExp, exactly, matches, normalizeSpace, pollUntil } from './text';

/** One row of a tree view. */
export interface TreeItemInfo {
  label: string;
  description: string;
  /** 1 for top-level items. */
  level: number;
  /** true/false for collapsible items, undefined for leaves. */
  expanded: boolean | undefined;
}

/** Page object for the activity bar and the views in side bar / panel. */
export class Views {
  constructor(private readonly page: Page, private readonly steps: Steps) {}

  /** Opens the view container whose activity-bar title is `title` (e.g. "Explorer", "Switchboard"); no-op when already open. */
  async openContainer(title: string): Promise<void> {
    await this.steps.run(`open the "${title}" view container from the activity bar`, async () => {
      const links = this.page.locator('.part.activitybar li[role="tab"] > a.action-label');
      const isTitle = (aria: string | null) => aria === title || (aria ?? '').startsWith(`${title} (`);
      const titles = await pollUntil(
        () => links.evaluateAll((all) => all.map((a) => a.getAttribute('aria-label'))),
        (all) => all.some(isTitle), INNER_WAIT_MS, `an activity bar item titled "${title}"`, (all) => all.join(' | '),
      );
      const link = links.nth(titles.findIndex(isTitle));
      const tab = link.locator('xpath=..');
      if ((await tab.getAttribute('aria-selected')) !== 'true') await link.click();
      await this.page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: INNER_WAIT_MS });
    });
  }

  /** The pane (side bar, panel or secondary side bar) of the view named `name`. */
  pane(name: string): Locator {
    return this.page.locator('.pane').filter({ has: this.page.locator('.pane-header h3.title', { hasText: exactly(name) }) }).first();
  }

  /** Expands the view `name` and collapses its neighbours, so all of it is rendered. */
  async reveal(name: string): Promise<void> {
    await this.collapseSiblings(await this.expand(name));
  }

  private async expand(name: string): Promise<Locator> {
    const pane = this.pane(name);
    await pane.waitFor({ state: 'visible', timeout: INNER_WAIT_MS }).catch(async () => {
      const names = await this.page.locator('.pane-header h3.title').allInnerTexts();
      throw new Error(`no view named "${name}" is visible (open its container first); visible views: ${names.join(' | ')}`);
    });
    const header = pane.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    return pane;
  }

  /**
   * Collapses the other open views of the same container, as a user does to give one view the
   * full height (trees are virtualized: rows outside the visible height are not rendered).
   */
  private async collapseSiblings(pane: Locator): Promise<void> {
    const container = pane.locator('xpath=ancestor::div[contains(@class,"split-view-container")][1]');
    const headers = container.locator(':scope > .split-view-view > .pane > .pane-header[aria-expanded="true"]');
    const own = await pane.locator('.pane-header').first().elementHandle();
    for (const handle of await headers.elementHandles()) {
      if (own && (await handle.evaluate((el, o) => el === o, own))) continue;
      await handle.click();
    }
  }

  private async readItems(pane: Locator): Promise<TreeItemInfo[]> {
    const raw = await pane.locator('.pane-body .monaco-list-row').evaluateAll((rows) =>
      rows.map((row) => ({
        label: row.querySelector('.label-name')?.textContent ?? row.querySelector('.monaco-icon-label')?.textContent ?? '',
        description: row.querySelector('.label-description')?.textContent ?? '',
        level: Number(row.getAttribute('aria-level') ?? '1'),
        expanded: row.getAttribute('aria-expanded'),
      })),
    );
    return raw.map((r) => ({ label: normalizeSpace(r.label), description: normalizeSpace(r.description), level: r.level, expanded: r.expanded == null ? undefined : r.expanded === 'true' }));
  }

  /** Reads the rendered tree items of the view `name` (expanding the view if collapsed); waits for at least `atLeast` items. */
  async treeItems(name: string, { atLeast = 1 } = {}): Promise<TreeItemInfo[]> {
    return this.steps.run(`tree items of the "${name}" view`, async () => {
      const pane = await this.expand(name);
      return pollUntil(() => this.readItems(pane), (items) => items.length >= atLeast, INNER_WAIT_MS, `${atLeast} item(s) in the "${name}" view`, (items) => items.map((i) => i.label).join(' | ') || '(empty)');
    });
  }

  /** Clicks the tree item labelled `label` in the view `name`. */
  async clickTreeItem(name: string, label: string | RegExp): Promise<void> {
    await this.steps.run(`click "${label}" in the "${name}" view`, async () => {
      const pane = await this.expand(name);
      await pollUntil(() => this.readItems(pane), (items) => items.some((i) => matches(i.label, label)), INNER_WAIT_MS, `an item "${label}" in the "${name}" view`, (items) => items.map((i) => i.label).join(' | '));
      const pattern = typeof label === 'string' ? new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) : label;
      await pane.locator('.pane-body .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: pattern }) }).first().click();
    });
  }

  /** The welcome text (viewsWelcome content) shown in an empty view ('' when none). */
  async welcomeText(name: string): Promise<string> {
    return this.steps.run(`welcome text of the "${name}" view`, async () => {
      const pane = await this.expand(name);
      const welcome = pane.locator('.welcome-view-content');
      return (await welcome.count()) > 0 ? normalizeSpace(await welcome.first().innerText()) : '';
    });
  }
}
